// What other modules may use of cases (decision 032: a module imports another only through its index.ts).
export { createCase, loadCaseFor } from './manage-case';
export { listMessages } from './queries';
export { receiveWhatsAppMessage } from './receive-whatsapp-message';
export { registerCaseRoutes } from './routes';
