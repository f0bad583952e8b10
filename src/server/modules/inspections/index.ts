// What other modules may use of inspections (decision 032).
export { registerInspectionRoutes } from './routes';
