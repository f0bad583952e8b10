import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string, issuer: string): string {
  return generateURI({ issuer, label: username, secret });
}

/** The otpauth: link as an SVG QR code in a data: URL, drawn here (no outside service sees the secret). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/**
 * Accepts the current code and the one before or after it (clock drift of ±30 s). Answers the RFC 6238 time step
 * the code belongs to, so the caller can refuse a step the account has used already; null when wrong.
 */
export async function checkTotp(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: 30 });
  if (!result.valid) return null;
  // A TOTP verification always carries its RFC 6238 time step (the HOTP branch of the union never applies here).
  return 'timeStep' in result ? Number(result.timeStep) : Math.floor(Date.now() / 30_000) + result.delta;
}

/** For tests and for the enrolment screen's self-check. */
export function currentTotp(secret: string, epoch?: number): Promise<string> {
  return generate(epoch === undefined ? { secret } : { secret, epoch });
}
