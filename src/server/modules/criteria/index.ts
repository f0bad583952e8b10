// What other modules may use of criteria (decision 032: a module imports another only through its index.ts).
export { registerCriteriaRoutes } from './routes';
