import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  TOKEN_MODULES,
  type TokenModule,
  WEBHOOK_EVENTS,
  type WebhookEvent,
} from '../../../../common/domain/integrations';
import { api, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Checkbox, TextField } from '../../../ui/fields';
import { Card, Loading, PageHeader } from '../../../ui/Page';
import { SelectField } from '../../../ui/SelectField';
import { useBranches, useBranchName } from '../../queries';

type Token = {
  id: string;
  name: string;
  prefix: string;
  scopes: { modules: Partial<Record<TokenModule, 'read' | 'write'>>; personal: boolean };
  branchId: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
};
type Subscription = { id: string; name: string; url: string; events: string[]; disabledAt: string | null };
type Delivery = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  createdAt: string;
  tries: { attempt: number; statusCode: number | null; error: string | null; at: string }[];
};

const NONE = 'none';
const ALL_BRANCHES = 'all';

/** التكاملات: API tokens for other systems and webhook subscriptions, for the admin (issue 21). */
export default function IntegrationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('integrations.title')} subtitle={t('integrations.subtitle')} />
      <div className="grid gap-6">
        <Tokens />
        <Webhooks />
      </div>
    </>
  );
}

function Tokens() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const branches = useBranches();
  const branchName = useBranchName();
  const tokens = useQuery({
    queryKey: ['integrations', 'tokens'],
    queryFn: () => api.get<{ items: Token[] }>('/api/integrations/tokens'),
  });
  const [name, setName] = useState('');
  const [levels, setLevels] = useState<Partial<Record<TokenModule, string>>>({});
  const [personal, setPersonal] = useState(false);
  const [branchId, setBranchId] = useState(ALL_BRANCHES);
  const [expires, setExpires] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api.post<Token & { token: string }>('/api/integrations/tokens', {
        name,
        scopes: {
          modules: Object.fromEntries(Object.entries(levels).filter(([, v]) => v && v !== NONE)),
          personal,
        },
        branchId: branchId === ALL_BRANCHES ? null : branchId,
        expiresAt: expires ? new Date(`${expires}T23:59:59+03:00`).toISOString() : null,
      }),
    onSuccess: (made) => {
      setShown(made.token);
      setName('');
      void client.invalidateQueries({ queryKey: ['integrations', 'tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.post(`/api/integrations/tokens/${id}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['integrations', 'tokens'] }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setShown(null);
    create.mutate();
  }

  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold text-slate-900">{t('integrations.tokens.title')}</h2>
      <p className="mb-4 text-sm text-slate-600">{t('integrations.tokens.help')}</p>
      <Form
        onSubmit={submit}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
        aria-label={t('integrations.tokens.new')}
      >
        <TextField
          label={t('integrations.name')}
          value={name}
          onChange={setName}
          isRequired
          className="sm:col-span-2"
        />
        <SelectField
          label={t('integrations.tokens.branch')}
          value={branchId}
          onChange={(v) => setBranchId(v ?? ALL_BRANCHES)}
          options={[
            { id: ALL_BRANCHES, label: t('integrations.tokens.allBranches') },
            ...(branches.data ?? []).map((b) => ({ id: b.id, label: branchName(b.id) ?? b.id })),
          ]}
        />
        <TextField
          label={t('integrations.tokens.expires')}
          description={t('integrations.tokens.expiresHelp')}
          value={expires}
          onChange={setExpires}
          ltr
          inputProps={{ type: 'date' }}
        />
        {TOKEN_MODULES.map((module) => (
          <SelectField
            key={module}
            label={t(`integrations.modules.${module}`)}
            value={levels[module] ?? NONE}
            onChange={(v) => setLevels({ ...levels, [module]: v ?? NONE })}
            options={[
              { id: NONE, label: t('integrations.levels.none') },
              { id: 'read', label: t('integrations.levels.read') },
              ...(module === 'services' || module === 'reports' || module === 'audit'
                ? []
                : [{ id: 'write', label: t('integrations.levels.write') }]),
            ]}
          />
        ))}
        <div className="sm:col-span-2 lg:col-span-4">
          <Checkbox isSelected={personal} onChange={setPersonal}>
            {t('integrations.tokens.personal')}
          </Checkbox>
        </div>
        <div className="sm:col-span-2 lg:col-span-4">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {t('integrations.tokens.create')}
          </Button>
        </div>
      </Form>
      {create.isError && <ErrorAlert className="mt-3">{errorMessage(create.error)}</ErrorAlert>}
      {shown && (
        <SuccessNotice className="mt-3">
          <p>{t('integrations.tokens.shownOnce')}</p>
          <code
            dir="ltr"
            data-testid="new-token"
            className="mt-1 block break-all rounded bg-white p-2 font-mono text-xs"
          >
            {shown}
          </code>
        </SuccessNotice>
      )}
      {tokens.isPending ? (
        <Loading label={t('integrations.loading')} />
      ) : (
        <ul className="mt-4 divide-y divide-slate-200" aria-label={t('integrations.tokens.list')}>
          {(tokens.data?.items ?? []).map((tk) => (
            <li key={tk.id} className="flex flex-wrap items-center gap-3 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">{tk.name}</p>
                <p className="text-xs text-slate-600">
                  <span dir="ltr" className="font-mono">
                    {tk.prefix}…
                  </span>{' '}
                  ·{' '}
                  {Object.entries(tk.scopes.modules)
                    .map(
                      ([m, l]) => `${t(`integrations.modules.${m as TokenModule}`)}: ${t(`integrations.levels.${l}`)}`,
                    )
                    .join('، ')}
                  {tk.scopes.personal ? ` · ${t('integrations.tokens.personalShort')}` : ''}
                  {tk.branchId ? ` · ${branchName(tk.branchId)}` : ''}
                </p>
                <p className="text-xs text-slate-600">
                  {t('integrations.tokens.lastUsed')}:{' '}
                  {tk.lastUsedAt ? format.dateTime(tk.lastUsedAt) : t('integrations.tokens.never')}
                  {tk.expiresAt ? ` · ${t('integrations.tokens.expiresOn')} ${format.dateTime(tk.expiresAt)}` : ''}
                </p>
              </div>
              {tk.revokedAt ? (
                <Badge tone="danger">{t('integrations.tokens.revoked')}</Badge>
              ) : (
                <Button variant="dangerQuiet" onPress={() => revoke.mutate(tk.id)} isPending={revoke.isPending}>
                  {t('integrations.tokens.revoke')}
                </Button>
              )}
            </li>
          ))}
          {tokens.data?.items.length === 0 && (
            <li className="py-3 text-sm text-slate-600">{t('integrations.tokens.empty')}</li>
          )}
        </ul>
      )}
    </Card>
  );
}

function Webhooks() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const subs = useQuery({
    queryKey: ['integrations', 'webhooks'],
    queryFn: () => api.get<{ items: Subscription[] }>('/api/integrations/webhooks'),
  });
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<Subscription & { secret: string }>('/api/integrations/webhooks', { name, url, events }),
    onSuccess: (made) => {
      setSecret(made.secret);
      setName('');
      setUrl('');
      void client.invalidateQueries({ queryKey: ['integrations', 'webhooks'] });
    },
  });
  const disable = useMutation({
    mutationFn: (id: string) => api.post(`/api/integrations/webhooks/${id}/disable`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['integrations', 'webhooks'] }),
  });

  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold text-slate-900">{t('integrations.webhooks.title')}</h2>
      <p className="mb-4 text-sm text-slate-600">{t('integrations.webhooks.help')}</p>
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          setSecret(null);
          create.mutate();
        }}
        className="grid gap-3 sm:grid-cols-2"
        aria-label={t('integrations.webhooks.new')}
      >
        <TextField label={t('integrations.name')} value={name} onChange={setName} isRequired />
        <TextField label={t('integrations.webhooks.url')} value={url} onChange={setUrl} isRequired ltr />
        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t('integrations.webhooks.events')}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {WEBHOOK_EVENTS.map((ev) => (
              <Checkbox
                key={ev}
                isSelected={events.includes(ev)}
                onChange={(on) => setEvents(on ? [...events, ev] : events.filter((x) => x !== ev))}
              >
                {t(`integrations.events.${ev}`)}
              </Checkbox>
            ))}
          </div>
        </fieldset>
        <div className="sm:col-span-2">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {t('integrations.webhooks.create')}
          </Button>
        </div>
      </Form>
      {create.isError && <ErrorAlert className="mt-3">{errorMessage(create.error)}</ErrorAlert>}
      {secret && (
        <SuccessNotice className="mt-3">
          <p>{t('integrations.webhooks.secretOnce')}</p>
          <code
            dir="ltr"
            data-testid="new-secret"
            className="mt-1 block break-all rounded bg-white p-2 font-mono text-xs"
          >
            {secret}
          </code>
        </SuccessNotice>
      )}
      <ul className="mt-4 divide-y divide-slate-200" aria-label={t('integrations.webhooks.list')}>
        {(subs.data?.items ?? []).map((s) => (
          <li key={s.id} className="py-3">
            <div className="flex flex-wrap items-center gap-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">{s.name}</p>
                <p dir="ltr" className="break-all text-start font-mono text-xs text-slate-600">
                  {s.url}
                </p>
                <p className="text-xs text-slate-600">
                  {s.events.map((ev) => t(`integrations.events.${ev as WebhookEvent}`)).join('، ')}
                </p>
              </div>
              <Button variant="ghost" onPress={() => setOpen(open === s.id ? null : s.id)}>
                {t('integrations.webhooks.log')}
              </Button>
              {s.disabledAt ? (
                <Badge tone="neutral">{t('integrations.webhooks.disabled')}</Badge>
              ) : (
                <Button variant="dangerQuiet" onPress={() => disable.mutate(s.id)}>
                  {t('integrations.webhooks.disable')}
                </Button>
              )}
            </div>
            {open === s.id && <DeliveryLog subscriptionId={s.id} />}
          </li>
        ))}
        {subs.data?.items.length === 0 && (
          <li className="py-3 text-sm text-slate-600">{t('integrations.webhooks.empty')}</li>
        )}
      </ul>
    </Card>
  );
}

function DeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const log = useQuery({
    queryKey: ['integrations', 'deliveries', subscriptionId],
    queryFn: () => api.get<{ items: Delivery[] }>(`/api/integrations/webhooks/${subscriptionId}/deliveries`),
  });
  const resend = useMutation({
    mutationFn: (id: string) => api.post(`/api/integrations/deliveries/${id}/resend`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['integrations', 'deliveries', subscriptionId] }),
  });
  if (log.isPending) return <Loading label={t('integrations.loading')} />;
  const items = log.data?.items ?? [];
  return (
    <div className="mt-2 rounded border border-slate-200 bg-slate-50 p-3">
      {resend.isSuccess && <SuccessNotice className="mb-2">{t('integrations.webhooks.resent')}</SuccessNotice>}
      {items.length === 0 && <p className="text-sm text-slate-600">{t('integrations.webhooks.noDeliveries')}</p>}
      <ul className="grid gap-2" aria-label={t('integrations.webhooks.log')}>
        {items.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">{t(`integrations.events.${d.event as WebhookEvent}`)}</span>
            <Badge tone={d.status === 'sent' ? 'success' : d.status === 'given_up' ? 'danger' : 'warning'}>
              {t(`integrations.status.${d.status as 'sent'}`, { defaultValue: d.status })}
            </Badge>
            <span className="text-xs text-slate-600">
              {format.dateTime(d.createdAt)} ·{' '}
              {d.tries.map((x) => x.statusCode ?? x.error ?? '—').join(' → ') || t('integrations.webhooks.notTried')}
            </span>
            <Button variant="ghost" onPress={() => resend.mutate(d.id)} isPending={resend.isPending}>
              {t('integrations.webhooks.sendAgain')}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
