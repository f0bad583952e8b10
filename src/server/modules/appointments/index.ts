// What other modules may use of appointments (decision 032: a module imports another only through its index.ts).
export { type AppointmentOutcome, findAppointment, recordAppointmentOutcome } from './record-outcome';
export { registerAppointmentRoutes } from './routes';
