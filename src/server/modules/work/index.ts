// What other modules may use of work (decision 032: a module imports another only through its index.ts).
export { DIGEST_HOUR, type DigestRun, sendDailyDigests } from './daily-digest';
export { notifyStaff, type StaffNotice, type StaffNoticeKind } from './notify-staff';
export { handlerOf, whoMovedTo, whoReferredCase } from './queries';
export { registerWorkRoutes } from './routes';
