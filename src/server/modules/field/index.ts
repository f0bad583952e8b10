// What other modules may use of field (decision 032).
export { registerFieldRoutes } from './routes';
