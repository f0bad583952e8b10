// What other modules may use of quality (decision 032).
export { registerQualityRoutes } from './routes';
