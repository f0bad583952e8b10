// What other modules may use of system (decision 032: a module imports another only through its index.ts).
export { registerSystemRoutes } from './routes';
