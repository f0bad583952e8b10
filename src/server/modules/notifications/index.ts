// What other modules may use of notifications (decision 032: a module imports another only through its index.ts).
export { notify } from './notify';
export { enqueueNotification } from './outbox';
export { type NotificationPorts, plugNotificationPorts, type WhatsAppConversation } from './ports';
export { buildProviders } from './providers/index';
export { ProviderError } from './providers/types';
export { registerNotificationRoutes } from './routes';
