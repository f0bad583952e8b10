// What other modules may use of audit (decision 032: a module imports another only through its index.ts).
export { beforeAfter, hasChanges } from './diff';
export { assertMayCorrect, recordCorrection } from './record-correction';
export { registerAuditRoutes } from './routes';
