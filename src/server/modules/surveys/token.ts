import { createHash } from 'node:crypto';

/** Only the token's hash is stored: the link in the message is the one copy of the token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
