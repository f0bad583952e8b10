// What other modules may use of imports (decision 032: a module imports another only through its index.ts).
export { registerImportRoutes } from './routes';
