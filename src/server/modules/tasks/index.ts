// What other modules may use of tasks (decision 032: a module imports another only through its index.ts).
export { registerTaskRoutes } from './routes';
