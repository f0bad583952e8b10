// What other modules may use of privacy (decision 032: a module imports another only through its index.ts).
export { applyRetention } from './apply-retention';
export { registerPrivacyRoutes } from './routes';
