import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { geoHref, mapsHref, telHref } from '../lib/contact-links';
import { FieldForms, type FormTarget } from './Forms';
import {
  dateTimeText,
  dayText,
  type FieldKey,
  fieldLang,
  setFieldDigits,
  setFieldLang,
  timeText,
  todayInRiyadh,
  tr,
} from './i18n';
import {
  clearFieldData,
  FieldStore,
  forgetOtherUsers,
  type LastUser,
  lastUser,
  type QueueItem,
  rememberUser,
} from './store';
import { call, sendQueue, setCsrf } from './sync';

/** What the representative needs of a household at the door. */
type Household = {
  beneficiaryId: string;
  beneficiaryName: string;
  fileNumber: string;
  mobile: string;
  district: string;
  lat: number | null;
  lng: number | null;
  peopleAtHome: number | null;
};
export type RouteStop = Household & {
  id: string;
  scheduledDate: string;
  householdMembers: number;
  serviceNameAr: string;
  serviceNameEn: string;
  version: { status: string; scheduledDate: string; branchId: string; beneficiaryStatus: string };
};
export type VisitStop = Household & {
  id: string;
  purpose: string;
  startsAt: string;
  version: { status: string; startsAt: string; branchId: string; beneficiaryStatus: string };
};
export type TaskStop = Household & {
  applicationId: string;
  reference: string;
  assignedAt: string;
  version: { taskStatus: string; branchId: string; beneficiaryStatus: string };
};
// A phone that downloaded before visits and tasks were part of the route has neither list.
type DayWork = {
  generatedAt: string;
  days: string[];
  deliveries: RouteStop[];
  appointments?: VisitStop[];
  inspections?: TaskStop[];
};

type Phase =
  | { name: 'loading' }
  | { name: 'signin'; message?: string }
  | { name: 'revoked'; message: string }
  | { name: 'no_access' }
  | { name: 'ready'; user: LastUser; store: FieldStore };

const tabs = ['route', 'register', 'queue'] as const;

export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [, rerender] = useState(0);
  useEffect(() => {
    void boot().then(setPhase);
  }, []);
  const toggleLang = () => {
    setFieldLang(fieldLang() === 'ar' ? 'en' : 'ar');
    rerender((n) => n + 1);
  };
  if (phase.name === 'ready')
    return <Field user={phase.user} store={phase.store} onLang={toggleLang} onEnd={setPhase} />;
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 p-6">
      <h1 className="text-xl font-bold text-brand-800">{tr('title')}</h1>
      {phase.name === 'loading' && <p>{tr('loading')}</p>}
      {phase.name === 'no_access' && <p role="alert">{tr('noAccess')}</p>}
      {phase.name === 'revoked' && (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          <h2 className="font-bold">{tr('revokedTitle')}</h2>
          <p>{phase.message}</p>
        </div>
      )}
      {(phase.name === 'signin' || phase.name === 'revoked') && (
        <>
          {phase.name === 'signin' && <p>{phase.message || tr('signInNeeded')}</p>}
          <a className="btn-primary text-center" href="/login?next=%2Ffield%2F">
            {tr('signIn')}
          </a>
        </>
      )}
    </main>
  );
}

/**
 * Start-up: with a signal, the server's session decides (a revoked one clears the phone and says why); without
 * one, the last signed-in user's data opens, so a reload or a restarted phone in a village loses nothing.
 */
async function boot(): Promise<Phase> {
  const answer = await call('GET', '/api/auth/session');
  if (!answer) {
    const user = lastUser();
    return user ? { name: 'ready', user, store: await FieldStore.open(user.id) } : { name: 'signin' };
  }
  if (answer.status === 401) {
    if (answer.body?.code === 'auth.session_revoked') {
      await clearFieldData();
      return { name: 'revoked', message: String(answer.body.message ?? '') };
    }
    return { name: 'signin' };
  }
  const session = answer.body as {
    user: {
      id: string;
      displayName: string;
      branchId: string | null;
      permissions: string[];
      preferences?: { digits?: 'arab' | 'latn' };
    };
    csrfToken: string;
  };
  if (!session?.user?.permissions.includes('field.work')) return { name: 'no_access' };
  setFieldDigits(session.user.preferences?.digits);
  setCsrf(session.csrfToken);
  await forgetOtherUsers(session.user.id);
  const user = { id: session.user.id, displayName: session.user.displayName, branchId: session.user.branchId };
  rememberUser(user);
  return { name: 'ready', user, store: await FieldStore.open(user.id) };
}

function Field({
  user,
  store,
  onLang,
  onEnd,
}: {
  user: LastUser;
  store: FieldStore;
  onLang: () => void;
  onEnd: (phase: Phase) => void;
}) {
  const [online, setOnline] = useState(navigator.onLine);
  const [work, setWork] = useState<DayWork | null>(null);
  const [items, setItems] = useState<QueueItem[]>([]);
  const [tab, setTab] = useState<(typeof tabs)[number]>('route');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [form, setForm] = useState<FormTarget | null>(null);
  const [notice, setNotice] = useState('');
  const syncing = useRef(false);

  const reload = useCallback(async () => {
    setWork((await store.get<DayWork>('work')) ?? null);
    setItems(await store.items());
  }, [store]);

  const end = useCallback(
    async (stopped: 'signed_out' | 'revoked', message = '') => {
      if (stopped === 'revoked') {
        store.close();
        await clearFieldData();
        onEnd({ name: 'revoked', message });
      } else onEnd({ name: 'signin', message });
    },
    [store, onEnd],
  );

  const download = useCallback(async () => {
    const answer = await call('GET', '/api/field/day');
    if (!answer) return;
    if (answer.status === 401) {
      await end(
        answer.body?.code === 'auth.session_revoked' ? 'revoked' : 'signed_out',
        String(answer.body?.message ?? ''),
      );
      return;
    }
    if (answer.status === 200) await store.put('work', answer.body);
    await reload();
  }, [store, reload, end]);

  const sync = useCallback(async () => {
    if (syncing.current) return;
    syncing.current = true;
    try {
      // After a reload without a signal there is no CSRF token yet: the session answer brings it.
      const session = await call('GET', '/api/auth/session');
      if (!session) return;
      if (session.status === 401) {
        await end(
          session.body?.code === 'auth.session_revoked' ? 'revoked' : 'signed_out',
          String(session.body?.message ?? ''),
        );
        return;
      }
      setCsrf(String(session.body?.csrfToken ?? ''));
      const outcome = await sendQueue(store, (done, total) => setProgress({ done, total }));
      if (outcome.stopped === 'revoked' || outcome.stopped === 'signed_out') {
        await end(outcome.stopped, outcome.message);
        return;
      }
      await download();
    } finally {
      syncing.current = false;
      setProgress(null);
      await reload();
    }
  }, [store, download, reload, end]);

  useEffect(() => {
    void reload().then(() => {
      if (navigator.onLine) void sync();
    });
    const up = () => {
      setOnline(true);
      void sync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [reload, sync]);

  const waiting = items.filter((i) => i.state === 'waiting').length;
  // Anything already recorded on the phone (sent or not) is not offered again.
  const recorded = new Set(items.map((i) => i.url));

  const signOut = async () => {
    if (waiting > 0 && !window.confirm(tr('signOutWarning', { count: waiting }))) return;
    await call('POST', '/api/auth/logout', {});
    store.close();
    await clearFieldData();
    window.location.replace('/login');
  };

  const saved = async (item: QueueItem) => {
    await store.save(item);
    setForm(null);
    setNotice(tr('form.saved'));
    await reload();
    if (navigator.onLine) void sync();
  };

  return (
    <div className="mx-auto flex min-h-dvh max-w-2xl flex-col">
      <header className="sticky top-0 z-10 flex flex-col gap-2 border-b border-slate-200 bg-white p-3">
        <div className="flex items-center justify-between gap-2">
          <h1 className="text-lg font-bold text-brand-800">{tr('title')}</h1>
          <span
            data-testid="connection"
            className={`rounded-full px-3 py-1 text-sm font-bold ${online ? 'bg-emerald-100 text-emerald-900' : 'bg-amber-100 text-amber-900'}`}
          >
            {online ? tr('online') : tr('offline')}
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span data-testid="waiting" className="font-bold">
            {tr('waiting', { count: waiting })}
          </span>
          <button type="button" className="btn-secondary" onClick={() => void sync()} disabled={!online || !!progress}>
            {progress ? tr('syncing', { done: progress.done, total: progress.total }) : tr('sync')}
          </button>
          <button type="button" className="btn-secondary" onClick={() => void download()} disabled={!online}>
            {tr('refresh')}
          </button>
          <button type="button" className="btn-link ms-auto" onClick={onLang}>
            {tr('language')}
          </button>
          <button type="button" className="btn-link" onClick={() => void signOut()}>
            {tr('signOut')}
          </button>
        </div>
        {progress && <progress className="w-full" max={progress.total} value={progress.done} />}
        <p className="text-xs text-slate-600">
          {user.displayName}
          {work ? ` · ${tr('lastDownload', { time: dateTimeText(work.generatedAt) })}` : ''}
        </p>
        <nav className="grid grid-cols-3 gap-1" aria-label={tr('title')}>
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              aria-current={tab === name ? 'page' : undefined}
              className={`rounded-md px-2 py-2 text-sm font-bold ${tab === name ? 'bg-brand-700 text-white' : 'bg-slate-100'}`}
              onClick={() => {
                setTab(name);
                setForm(null);
                setNotice('');
              }}
            >
              {tr(`tab.${name}` as FieldKey)}
              {name === 'queue' && items.some((i) => i.state === 'conflict' || i.state === 'refused') ? ' •' : ''}
            </button>
          ))}
        </nav>
      </header>
      <main className="flex flex-col gap-3 p-3">
        {notice && (
          <p role="status" className="rounded-md bg-emerald-50 p-2 text-emerald-900">
            {notice}
          </p>
        )}
        {form && <FieldForms target={form} onSave={saved} onCancel={() => setForm(null)} />}
        {!form && tab === 'route' && <Route work={work} recorded={recorded} onAction={setForm} />}
        {!form && tab === 'register' && (
          <FieldForms target={{ type: 'registration' }} onSave={saved} onCancel={() => setTab('route')} />
        )}
        {!form && tab === 'queue' && <Queue items={items} store={store} onChange={reload} />}
      </main>
    </div>
  );
}

function Route({
  work,
  recorded,
  onAction,
}: {
  work: DayWork | null;
  recorded: Set<string>;
  onAction: (target: FormTarget) => void;
}) {
  if (!work) return <p>{tr('route.notDownloaded')}</p>;
  const visits = work.appointments ?? [];
  const tasks = work.inspections ?? [];
  if (work.deliveries.length + visits.length + tasks.length === 0) return <p>{tr('route.empty')}</p>;
  type Entry = { kind: 'delivery'; stop: RouteStop } | { kind: 'visit'; visit: VisitStop };
  const byDay = new Map<string, Entry[]>();
  const add = (day: string, entry: Entry) => byDay.set(day, [...(byDay.get(day) ?? []), entry]);
  for (const stop of work.deliveries) add(stop.scheduledDate, { kind: 'delivery', stop });
  // A visit's day is Riyadh's calendar day of its start.
  for (const visit of visits)
    add(new Date(Date.parse(visit.startsAt) + 3 * 3_600_000).toISOString().slice(0, 10), { kind: 'visit', visit });
  const days = [...byDay.keys()].sort();
  return (
    <>
      {tasks.length > 0 && (
        <section className="flex flex-col gap-2" data-testid="tasks">
          <h2 className="font-bold">{tr('route.tasks')}</h2>
          {tasks.map((task) => (
            <Card key={task.applicationId} kind="task" household={task} testId="task">
              <p className="text-sm">
                {tr('route.task', { reference: task.reference, date: dayText(task.assignedAt.slice(0, 10), false) })}
              </p>
              {recorded.has(`/api/field/inspection-tasks/${task.applicationId}/result`) ? (
                <p className="text-sm font-bold text-emerald-800">{tr('route.recorded')}</p>
              ) : (
                <div className="flex flex-wrap gap-2">
                  <button type="button" className="btn-primary" onClick={() => onAction({ type: 'task', task })}>
                    {tr('action.task')}
                  </button>
                </div>
              )}
            </Card>
          ))}
        </section>
      )}
      {days.map((day) => (
        <section key={day} className="flex flex-col gap-2">
          <h2 className="font-bold">{tr('route.day', { date: dayText(day) })}</h2>
          {byDay.get(day)!.map((entry) =>
            entry.kind === 'visit' ? (
              <Card key={entry.visit.id} kind="visit" household={entry.visit} testId="visit">
                <p className="text-sm">
                  {tr('route.visit', { time: timeText(entry.visit.startsAt), purpose: entry.visit.purpose })}
                </p>
                {recorded.has(`/api/field/appointments/${entry.visit.id}/outcome`) ? (
                  <p className="text-sm font-bold text-emerald-800">{tr('route.recorded')}</p>
                ) : (
                  <div className="flex flex-wrap gap-2">
                    <button
                      type="button"
                      className="btn-primary"
                      onClick={() => onAction({ type: 'held', visit: entry.visit })}
                    >
                      {tr('action.held')}
                    </button>
                    <button
                      type="button"
                      className="btn-secondary"
                      onClick={() => onAction({ type: 'no_show', visit: entry.visit })}
                    >
                      {tr('action.noShow')}
                    </button>
                  </div>
                )}
              </Card>
            ) : (
              <DeliveryCard key={entry.stop.id} stop={entry.stop} recorded={recorded} onAction={onAction} />
            ),
          )}
        </section>
      ))}
    </>
  );
}

/** A Saudi mobile as it is dialled at home (05…); the link keeps the international form. */
function localMobile(e164: string): string {
  const match = /^\+966(5\d{8})$/.exec(e164);
  return match ? `0${match[1]}` : e164;
}

/** One household on the route: who, where, how to call, and what is to be done there. */
function Card({
  kind,
  household,
  testId,
  children,
}: {
  kind: 'delivery' | 'visit' | 'task';
  household: Household & { householdMembers?: number };
  testId: string;
  children: ReactNode;
}) {
  return (
    <article className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <div className="flex items-start justify-between gap-2">
        <h3 className="font-bold">{household.beneficiaryName}</h3>
        <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-bold text-slate-700">
          {tr(`route.kind.${kind}` as FieldKey)}
        </span>
      </div>
      <p className="text-sm">
        {household.district} ·{' '}
        <a className="underline" href={telHref(household.mobile)} dir="ltr">
          {localMobile(household.mobile)}
        </a>
        {household.lat !== null && household.lng !== null && (
          <>
            {' · '}
            <a
              className="underline"
              href={mapsHref(household.lat, household.lng)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {tr('route.map')}
            </a>
            {' · '}
            <a className="underline" href={geoHref(household.lat, household.lng)}>
              {tr('route.mapOther')}
            </a>
          </>
        )}
      </p>
      {household.householdMembers !== undefined && (
        <p className="text-sm">
          {tr('route.household', { people: household.peopleAtHome ?? 0, members: household.householdMembers })}
        </p>
      )}
      {children}
    </article>
  );
}

function DeliveryCard({
  stop,
  recorded,
  onAction,
}: {
  stop: RouteStop;
  recorded: Set<string>;
  onAction: (target: FormTarget) => void;
}) {
  const done = recorded.has(`/api/field/deliveries/${stop.id}/outcome`);
  return (
    <Card kind="delivery" household={stop} testId="stop">
      <p className="text-sm">
        {tr('route.deliver', { service: fieldLang() === 'ar' ? stop.serviceNameAr : stop.serviceNameEn })}
      </p>
      {done ? (
        <p className="text-sm font-bold text-emerald-800">{tr('route.recorded')}</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn-primary" onClick={() => onAction({ type: 'delivered', stop })}>
            {tr('action.delivered')}
          </button>
          <button type="button" className="btn-secondary" onClick={() => onAction({ type: 'failed', stop })}>
            {tr('action.failed')}
          </button>
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={() => onAction({ type: 'inspection', stop })}>
          {tr('action.inspection')}
        </button>
        <button type="button" className="btn-secondary" onClick={() => onAction({ type: 'contact', stop })}>
          {tr('action.contact')}
        </button>
      </div>
    </Card>
  );
}

function Queue({ items, store, onChange }: { items: QueueItem[]; store: FieldStore; onChange: () => Promise<void> }) {
  if (items.length === 0) return <p>{tr('queue.empty')}</p>;
  const today = todayInRiyadh();
  return (
    <ul className="flex flex-col gap-2">
      {[...items].reverse().map((item) => (
        <li
          key={item.id}
          className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3"
          data-testid="record"
        >
          <div className="flex items-center justify-between gap-2">
            <span className="font-bold">
              {tr(`queue.kind.${item.kind}` as FieldKey)}: {item.label}
            </span>
            <span
              data-state={item.state}
              className={`shrink-0 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-bold ${STATE_CLASS[item.state]}`}
            >
              {tr(`queue.state.${item.state}` as FieldKey)}
            </span>
          </div>
          {item.message && item.state !== 'conflict' && <p className="text-sm">{item.message}</p>}
          {item.state === 'conflict' && item.conflict && (
            <Conflict item={item} today={today} store={store} onChange={onChange} />
          )}
          {item.state === 'refused' && (
            <button
              type="button"
              className="btn-link self-start"
              onClick={() => void store.remove(item.id).then(onChange)}
            >
              {tr('conflict.discard')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

const STATE_CLASS: Record<QueueItem['state'], string> = {
  waiting: 'bg-amber-100 text-amber-900',
  sent: 'bg-emerald-100 text-emerald-900',
  conflict: 'bg-red-100 text-red-900',
  refused: 'bg-red-100 text-red-900',
};

const CONFLICT_KEYS = ['status', 'taskStatus', 'scheduledDate', 'startsAt', 'beneficiaryStatus'] as const;
type ConflictKey = (typeof CONFLICT_KEYS)[number];

/** A version's value as words, dates and times in the user's digits. */
function shown(key: ConflictKey, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (key === 'scheduledDate') return dayText(String(value));
  if (key === 'startsAt') return dateTimeText(String(value));
  if (key === 'taskStatus') return tr(`task.${String(value)}` as FieldKey);
  return tr(`status.${String(value)}` as FieldKey);
}

/** Both versions side by side; the representative deletes the record or sends it again on the current version. */
function Conflict({
  item,
  store,
  onChange,
}: {
  item: QueueItem;
  today: string;
  store: FieldStore;
  onChange: () => Promise<void>;
}) {
  const { phone, server } = item.conflict!;
  const sameBranch = server.sameBranch !== false;
  const rows = CONFLICT_KEYS.filter((k) => k in phone);
  // Sending again makes sense only if the server's version can still take it: an open delivery or visit, a task
  // still assigned to this representative, a file neither suspended nor closed (a delivery needs an active one).
  const fileOk =
    server.beneficiaryStatus === 'active' || (item.kind !== 'delivery' && server.beneficiaryStatus === 'applicant');
  const resendable =
    sameBranch &&
    (server.status === undefined || server.status === 'scheduled' || server.status === 'booked') &&
    (server.taskStatus === undefined || server.taskStatus === 'open') &&
    fileOk;
  const resend = async () => {
    const expected = { ...(item.body.expected as Record<string, unknown>) };
    for (const key of rows) expected[key] = server[key];
    await store.save({
      ...item,
      body: { ...item.body, expected },
      key: crypto.randomUUID(),
      state: 'waiting',
      message: '',
      conflict: undefined,
    });
    await onChange();
  };
  return (
    <div className="flex flex-col gap-2" data-testid="conflict">
      <p className="text-sm font-bold">{tr('conflict.title')}</p>
      <table className="w-full text-sm">
        <thead>
          <tr>
            <th />
            <th className="text-start">{tr('conflict.phone')}</th>
            <th className="text-start">{tr('conflict.server')}</th>
          </tr>
        </thead>
        <tbody>
          {sameBranch ? (
            rows.map((key) => (
              <tr key={key} className={phone[key] !== server[key] ? 'bg-red-50 font-bold' : ''}>
                <th className="text-start font-normal">{tr(`conflict.${key}` as FieldKey)}</th>
                <td>{shown(key, phone[key])}</td>
                <td>{shown(key, server[key])}</td>
              </tr>
            ))
          ) : (
            <tr className="bg-red-50 font-bold">
              <th className="text-start font-normal">{tr('conflict.branch')}</th>
              <td>{tr('conflict.sameBranch')}</td>
              <td>{tr('conflict.otherBranch')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="flex flex-wrap gap-2">
        {resendable && (
          <button type="button" className="btn-secondary" onClick={() => void resend()}>
            {tr('conflict.resend')}
          </button>
        )}
        <button type="button" className="btn-link" onClick={() => void store.remove(item.id).then(onChange)}>
          {tr('conflict.discard')}
        </button>
      </div>
    </div>
  );
}
