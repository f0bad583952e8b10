// What other modules may use of outreach (decision 032: a module imports another only through its index.ts).

export { registerOutreachRoutes } from './routes';
export { ruleSettings } from './run-outreach';
