export { notifyStaff, type StaffNotice, type StaffNoticeKind } from './notify-staff';
export { whoMovedTo, whoReferredCase } from './queries';
export { registerWorkRoutes } from './routes';
