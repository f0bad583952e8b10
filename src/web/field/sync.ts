import { fieldLang } from './i18n';
import type { FieldStore, QueueItem } from './store';

/** The CSRF token from the last session answer (memory only, as in the staff app). */
let csrf: string | null = null;
export function setCsrf(token: string | null): void {
  csrf = token;
}

export type Answer = { status: number; body: Record<string, unknown> | null };

/** One API call; `null` when the network did not answer (no signal): the caller keeps the record waiting. */
export async function call(method: 'GET' | 'POST', url: string, body?: unknown, key?: string): Promise<Answer | null> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': fieldLang() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  if (key) headers['Idempotency-Key'] = key;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return null;
  }
  let parsed: Record<string, unknown> | null = null;
  try {
    parsed = (await response.json()) as Record<string, unknown>;
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed };
}

export type SyncOutcome = { stopped: null | 'offline' | 'signed_out' | 'revoked'; message?: string };

/**
 * Sends the waiting records one by one, oldest first, each with its own Idempotency-Key, and stores each one's
 * result: sent, held for review (a conflict, with both versions), or refused (with the server's message). It
 * stops at a lost signal (the rest stay waiting) or a session the server no longer accepts.
 */
export async function sendQueue(
  store: FieldStore,
  progress: (done: number, total: number) => void,
): Promise<SyncOutcome> {
  const waiting = (await store.items()).filter((item) => item.state === 'waiting');
  for (const [index, item] of waiting.entries()) {
    progress(index, waiting.length);
    const answer = await call('POST', item.url, item.body, item.key);
    if (!answer) return { stopped: 'offline' };
    const code = typeof answer.body?.code === 'string' ? answer.body.code : '';
    const message = typeof answer.body?.message === 'string' ? answer.body.message : '';
    if (answer.status === 401) return { stopped: code === 'auth.session_revoked' ? 'revoked' : 'signed_out', message };
    await store.save(resultOf(item, answer, code, message));
  }
  progress(waiting.length, waiting.length);
  return { stopped: null };
}

function resultOf(item: QueueItem, answer: Answer, code: string, message: string): QueueItem {
  if (answer.status >= 200 && answer.status < 300) return { ...item, state: 'sent', message: '' };
  if (code === 'field.conflict') {
    const details = (answer.body?.details ?? {}) as QueueItem['conflict'];
    return { ...item, state: 'conflict', message, conflict: details };
  }
  // A request still running elsewhere (409 in progress) or a server error: try again at the next sync.
  if (code === 'idempotency.in_progress' || answer.status >= 500) return item;
  return { ...item, state: 'refused', message };
}
