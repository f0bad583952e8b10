// What other modules may use of privacy (decision 032: a module imports another only through its index.ts).
export { registerPrivacyRoutes } from './routes';
