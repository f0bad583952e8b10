// What other modules may use of reports (decision 032: a module imports another only through its index.ts).
export { registerReportRoutes } from './routes';
