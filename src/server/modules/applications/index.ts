// What other modules may use of applications (decision 032: a module imports another only through its index.ts).
export { checkServicesFor, writeApplication } from './create-application';
export { loadApplicationFor } from './get-application';
export { getApplication, getDeclaration, listApplicationServices, listChecklist } from './queries';
export { registerApplicationRoutes } from './routes';
export { currentCriteria } from './scoring';
