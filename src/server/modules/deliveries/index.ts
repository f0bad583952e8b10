// What other modules may use of deliveries (decision 032: a module imports another only through its index.ts).

export { registerDeliveryRoutes } from './routes';
export { scheduleDelivery } from './schedule';
