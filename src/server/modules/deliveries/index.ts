// What other modules may use of deliveries (decision 032: a module imports another only through its index.ts).

export { getDelivery, listCorrections } from './queries';
export { recordDeliveryOutcome } from './record-outcome';
export { correctionList, registerDeliveryRoutes } from './routes';
export { scheduleDelivery, workingDateFor } from './schedule';
