// What other modules may use of volunteers (decision 032: a module imports another only through its index.ts).
export { registerVolunteerRoutes } from './routes';
