// What other modules may use of integrations (decision 032).

export { registerTokenLoader } from './bearer';
export { deliverWebhook } from './deliver-webhook';
export { emitEvent } from './emit-event';
export { registerIntegrationRoutes } from './routes';
