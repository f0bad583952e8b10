// What other modules may use of users (decision 032: a module imports another only through its index.ts).
export { branchExists, getOrganization, listBranches, listStaffByRole } from './queries';
export { registerUserRoutes } from './routes';
