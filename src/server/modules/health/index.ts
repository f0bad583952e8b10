// What other modules may use of health (decision 032: a module imports another only through its index.ts).
export { registerHealthRoutes } from './routes';
