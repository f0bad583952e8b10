export { notifyStaff, type StaffNotice, type StaffNoticeKind } from './notify-staff';
export { handlerOf, whoMovedTo, whoReferredCase } from './queries';
export { registerWorkRoutes } from './routes';
