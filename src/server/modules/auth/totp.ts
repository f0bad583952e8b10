import { generate, generateSecret, generateURI, verify } from 'otplib';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string, issuer: string): string {
  return generateURI({ issuer, label: username, secret });
}

/** Accepts the current code and the one before or after it (clock drift of ±30 s). */
export async function checkTotp(secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const result = await verify({ secret, token: code, epochTolerance: 30 });
  return result.valid;
}

/** For tests and for the enrolment screen's self-check. */
export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}
