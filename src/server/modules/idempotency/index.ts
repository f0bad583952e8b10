// What other modules may use of idempotency (decision 032): the key store behind the Idempotency-Key header.
export { claimKey, deleteExpiredKeys, findKey, releaseKey, storeAnswer } from './queries';
