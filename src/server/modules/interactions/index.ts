// What other modules may use of interactions (decision 032: a module imports another only through its index.ts).
export { registerInteractionRoutes } from './routes';
