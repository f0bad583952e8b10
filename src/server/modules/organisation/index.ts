// What other modules may use of organisation (decision 032: a module imports another only through its index.ts).

export { getBranch } from './queries';
export { registerOrganisationRoutes } from './routes';
