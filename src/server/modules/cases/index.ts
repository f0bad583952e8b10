// What other modules may use of cases (decision 032: a module imports another only through its index.ts).
export { createCase } from './create-case';
export { escalateBreachedCases } from './escalate';
export { loadCaseFor } from './load-case';
export { listMessages } from './queries';
export { receiveWhatsAppMessage } from './receive-whatsapp-message';
export { registerCaseRoutes } from './routes';
