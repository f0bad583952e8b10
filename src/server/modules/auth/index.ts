// What other modules may use of auth (decision 032: a module imports another only through its index.ts).
export { changePassword } from './change-password';
export { ACCOUNT_FAILURE_FACTOR } from './login';
export { hashPassword, verifyPassword } from './passwords';
export {
  attackedUsernames,
  countUnusedRecoveryCodes,
  deleteUserSessions,
  replaceRecoveryCodes,
  revokeUserSessions,
  updatePasswordHash,
  updateTotp,
} from './queries';
export { registerAuthRoutes } from './routes';
export { newPasswordSchema } from './schema';
export { sessionCache } from './session-cache';
