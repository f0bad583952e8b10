import { currentLang, t } from './i18n';

/** The server's answer to a bad request: a stable code, an Arabic message, and messages per field. */
export class PortalError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** The answer's `details` as sent (an object for some codes, such as the survey question in error). */
  readonly details: unknown;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, details?: unknown) {
    super(message);
    this.name = 'PortalError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

type Body = { json?: unknown; form?: FormData; headers?: Record<string, string> };

function fieldMessages(details: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!Array.isArray(details)) return result;
  for (const item of details) {
    if (typeof item !== 'object' || item === null) continue;
    const { field, message } = item as { field?: unknown; message?: unknown };
    if (typeof field === 'string' && typeof message === 'string' && !(field in result)) result[field] = message;
  }
  return result;
}

/** One request to the portal API. A lost connection becomes the code `network`, with words the person can act on. */
export async function api<T>(method: 'GET' | 'POST', path: string, body: Body = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLang(),
    ...body.headers,
  };
  let payload: BodyInit | undefined;
  if (body.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body.form) {
    payload = body.form;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new PortalError(0, 'network', t('errors.network'));
  }
  const text = await response.text().catch(() => '');
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (response.ok) return data as T;
  const error = (data ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  if (typeof error.code === 'string' && typeof error.message === 'string') {
    throw new PortalError(response.status, error.code, error.message, fieldMessages(error.details), error.details);
  }
  throw new PortalError(response.status, `http.${response.status}`, t('errors.unexpected'));
}
