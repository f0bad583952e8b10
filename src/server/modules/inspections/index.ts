// What other modules may use of inspections (decision 032).
export { recordInspection } from './record-inspection';
export { registerInspectionRoutes } from './routes';
