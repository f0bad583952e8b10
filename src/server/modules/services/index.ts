// What other modules may use of services (decision 032: a module imports another only through its index.ts).
export { getServicesByIds, listServices, type ServiceRow } from './queries';
export { registerServiceRoutes } from './routes';
