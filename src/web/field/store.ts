/**
 * The phone's storage for field work, in IndexedDB: one database per signed-in user (`wasl-field-<user id>`), so
 * another user of the same browser never opens it, and every one of them is deleted at sign-out, when the
 * server says the session was revoked, and when someone else signs in on this browser (see `forgetOtherUsers`).
 * Two stores: `meta` (the day's work, the user) and `queue` (records waiting to be sent, with their results).
 */

const PREFIX = 'wasl-field-';
const REGISTRY = 'wasl.field.users';

export type QueueKind = 'delivery' | 'visit' | 'inspection_task' | 'inspection' | 'contact' | 'registration';
export type QueueState = 'waiting' | 'sent' | 'conflict' | 'refused';

export type QueueItem = {
  id: string;
  /** Sent as the Idempotency-Key header: a replay after a lost answer writes nothing twice. */
  key: string;
  kind: QueueKind;
  url: string;
  body: Record<string, unknown>;
  /** What the list shows (the household's name, or the new household's). */
  label: string;
  createdAt: string;
  state: QueueState;
  /** The server's message for a refused record, or its answer for a sent one. */
  message?: string;
  /** A conflict: the version the phone had and the server's. */
  conflict?: { phone: Record<string, unknown>; server: Record<string, unknown> };
};

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function users(): string[] {
  try {
    const list = JSON.parse(localStorage.getItem(REGISTRY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export class FieldStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(userId: string): Promise<FieldStore> {
    if (!users().includes(userId)) localStorage.setItem(REGISTRY, JSON.stringify([...users(), userId]));
    const req = indexedDB.open(PREFIX + userId, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('meta');
      req.result.createObjectStore('queue', { keyPath: 'id' });
    };
    return new FieldStore(await request(req));
  }

  async get<T>(key: string): Promise<T | undefined> {
    return (await request(this.db.transaction('meta').objectStore('meta').get(key))) as T | undefined;
  }

  async put(key: string, value: unknown): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put(value, key);
    await done(tx);
  }

  async items(): Promise<QueueItem[]> {
    const all = (await request(this.db.transaction('queue').objectStore('queue').getAll())) as QueueItem[];
    return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async save(item: QueueItem): Promise<void> {
    const tx = this.db.transaction('queue', 'readwrite');
    tx.objectStore('queue').put(item);
    await done(tx);
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction('queue', 'readwrite');
    tx.objectStore('queue').delete(id);
    await done(tx);
  }

  close(): void {
    this.db.close();
  }
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

async function deleteDatabase(userId: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(PREFIX + userId);
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
    req.onblocked = () => resolve();
  });
}

/** Everything field work left on this browser, for every user: at sign-out and when a session was revoked. */
export async function clearFieldData(): Promise<void> {
  for (const id of users()) await deleteDatabase(id);
  localStorage.removeItem(REGISTRY);
  localStorage.removeItem(LAST_USER);
}

/** A different user signed in on this browser: what the previous ones left is not theirs to see. */
export async function forgetOtherUsers(userId: string): Promise<void> {
  const others = users().filter((id) => id !== userId);
  for (const id of others) await deleteDatabase(id);
  localStorage.setItem(REGISTRY, JSON.stringify(users().filter((id) => id === userId)));
}

/** The last signed-in user, so the app opens their data when it starts without a signal. */
const LAST_USER = 'wasl.field.user';
export type LastUser = { id: string; displayName: string; branchId: string | null };

export function lastUser(): LastUser | null {
  try {
    const value = JSON.parse(localStorage.getItem(LAST_USER) ?? 'null') as LastUser | null;
    return value && typeof value.id === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function rememberUser(user: LastUser): void {
  localStorage.setItem(LAST_USER, JSON.stringify(user));
}
