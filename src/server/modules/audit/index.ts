// What other modules may use of audit (decision 032: a module imports another only through its index.ts).
export { beforeAfter, hasChanges } from './diff';
export { registerAuditRoutes } from './routes';
