// What other modules may use of portal (decision 032: a module imports another only through its index.ts).
export { registerPortalRoutes } from './routes';
