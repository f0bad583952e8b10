// What other modules may use of deliveries (decision 032: a module imports another only through its index.ts).

export { getDelivery } from './queries';
export { recordDeliveryOutcome } from './record-outcome';
export { registerDeliveryRoutes } from './routes';
export { scheduleDelivery, workingDateFor } from './schedule';
