// What other modules may use of committee (decision 032: a module imports another only through its index.ts).
export { lastDecision } from './queries';
export { registerCommitteeRoutes } from './routes';
export { setAppointment } from './set-appointment';
