import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Copy, ExternalLink, Printer } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../../common/arabic';
import { api, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { SuccessNotice } from '../../../ui/Alert';
import { Button, buttonClass } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { Card } from '../../../ui/Page';
import type { SessionUser } from '../../api-types';
import { useUser } from '../../session';

const CODE = /^\d{6}$/;

type TotpSetup = { secret: string; otpauthUrl: string; qrDataUrl: string };
type RecoveryCodes = { recoveryCodes: string[] };
const totpStatusKey = ['me', 'totp'] as const;

/** Two-step verification state of the signed-in user (sent by GET /api/auth/session). */
function totpState(user: SessionUser | null | undefined): { enabled: boolean; required: boolean } {
  return { enabled: Boolean(user?.totpEnabled), required: Boolean(user?.totpRequired) };
}

/** The profile page's card: status, enrolment (secret, link, code) and, when allowed, switching it off. */
export function TotpSection() {
  const { t } = useTranslation();
  const { enabled, required } = totpState(useUser());
  const [notice, setNotice] = useState<string | null>(null);
  // Shown once, right after they are made (enrolment or regeneration); the server keeps only their hashes.
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = useMutation({ mutationFn: () => api.post<TotpSetup>('/api/me/totp/setup') });

  return (
    <Card>
      <h2 className="mb-1 text-base font-bold text-slate-900">{t('totp.title')}</h2>
      <p className="mb-3 text-sm text-slate-600">{t('totp.intro')}</p>
      <p className="mb-3 flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-600">{t('totp.status')}:</span>
        <span
          className={
            enabled
              ? 'rounded bg-emerald-100 px-2 py-0.5 text-sm font-medium text-emerald-900'
              : 'rounded bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-800'
          }
        >
          {enabled ? t('totp.enabled') : t('totp.disabled')}
        </span>
        {required ? (
          <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">
            {t('totp.required')}
          </span>
        ) : null}
      </p>
      <SuccessNotice>{notice}</SuccessNotice>

      {!enabled && !start.data ? (
        <div className="flex flex-col gap-3">
          {start.isError ? (
            <p role="alert" className="text-sm font-medium text-red-700">
              {errorMessage(start.error)}
            </p>
          ) : null}
          <div>
            <Button
              variant="primary"
              isPending={start.isPending}
              onPress={() => {
                setNotice(null);
                start.mutate();
              }}
            >
              {start.isPending ? t('totp.starting') : t('totp.enable')}
            </Button>
          </div>
        </div>
      ) : null}

      {!enabled && start.data ? (
        <div className="flex flex-col gap-4">
          <SecretBlock setup={start.data} />
          <CodeForm
            path="/api/me/totp/confirm"
            submit={t('totp.confirm')}
            pending={t('totp.confirming')}
            onDone={(result) => {
              start.reset();
              setNotice(t('totp.enabledNotice'));
              setCodes((result as RecoveryCodes | undefined)?.recoveryCodes ?? null);
            }}
          />
        </div>
      ) : null}

      {codes ? <RecoveryCodesPanel codes={codes} onSaved={() => setCodes(null)} /> : null}
      {enabled && !codes ? <RecoveryStatus onCodes={setCodes} /> : null}

      {enabled && !required ? (
        <div className="flex flex-col gap-2">
          <h3 className="font-medium text-slate-900">{t('totp.disable')}</h3>
          <CodeForm
            path="/api/me/totp/disable"
            submit={t('totp.disable')}
            pending={t('totp.disabling')}
            help={t('totp.disableHelp')}
            variant="secondary"
            onDone={() => setNotice(t('totp.disabledNotice'))}
          />
        </div>
      ) : null}
    </Card>
  );
}

function SecretBlock({ setup }: { setup: TotpSetup }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const grouped = setup.secret.match(/.{1,4}/g)?.join(' ') ?? setup.secret;

  async function copy() {
    try {
      await navigator.clipboard.writeText(setup.secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <>
      <div className="flex flex-col items-start gap-4 sm:flex-row">
        <img
          src={setup.qrDataUrl}
          alt={t('accounts.qr.alt')}
          data-testid="totp-qr"
          className="size-48 shrink-0 rounded-md border border-slate-200 bg-white p-1"
        />
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-800">{t('accounts.qr.scan')}</p>
          <div>
            <a href={setup.otpauthUrl} className={buttonClass('secondary', 'min-h-11')}>
              <ExternalLink aria-hidden="true" className="size-4" />
              {t('accounts.qr.open')}
            </a>
            <p className="mt-1 text-xs text-slate-600">{t('accounts.qr.openHelp')}</p>
          </div>
        </div>
      </div>
      <p className="text-sm font-medium text-slate-800">{t('accounts.qr.manual')}</p>
      <div>
        <p className="text-xs text-slate-600">{t('totp.secret')}</p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <span
            dir="ltr"
            data-testid="totp-secret"
            className="select-all rounded-md bg-slate-100 px-3 py-2 font-mono text-base tracking-wider text-slate-900"
          >
            {grouped}
          </span>
          <Button variant="secondary" onPress={() => void copy()}>
            <Copy aria-hidden="true" className="size-4" />
            {t('totp.copy')}
          </Button>
        </div>
        <span role="status" className="text-xs text-emerald-800">
          {copied ? t('totp.copied') : ''}
        </span>
      </div>
      <details>
        <summary className="cursor-pointer text-xs text-slate-600">{t('totp.link')}</summary>
        <code dir="ltr" className="mt-1 block select-all break-all rounded-md bg-slate-100 p-2 text-xs text-slate-900">
          {setup.otpauthUrl}
        </code>
      </details>
    </>
  );
}

function CodeForm(props: {
  path: string;
  submit: string;
  pending: string;
  help?: string;
  variant?: 'primary' | 'secondary';
  onDone: (result: unknown) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const send = useMutation({
    mutationFn: (body: { code: string }) => api.post<unknown>(props.path, body),
    onSuccess: async (result) => {
      setCode('');
      props.onDone(result);
      // The session now says whether it is on; pages refused while enrolment was pending can load again.
      await queryClient.invalidateQueries();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send.mutate({ code: toLatinDigits(code).replace(/\s/g, '') });
  }

  return (
    <Form
      onSubmit={onSubmit}
      validationErrors={send.isError ? { code: errorMessage(send.error) } : {}}
      className="flex max-w-xs flex-col gap-3"
    >
      <TextField
        label={t('totp.code')}
        name="code"
        value={code}
        onChange={(value) => {
          setCode(value);
          if (send.isError) send.reset();
        }}
        isRequired
        ltr
        autoComplete="one-time-code"
        description={props.help ?? t('totp.codeHelp')}
        validate={(value) => (CODE.test(toLatinDigits(value).replace(/\s/g, '')) ? null : t('totp.codeFormat'))}
        inputClassName="tracking-[0.3em]"
        inputProps={{ inputMode: 'numeric', maxLength: 8, 'data-testid': 'totp-code' }}
      />
      <div>
        <Button type="submit" variant={props.variant ?? 'primary'} isPending={send.isPending}>
          {send.isPending ? props.pending : props.submit}
        </Button>
      </div>
    </Form>
  );
}

/** The codes just made, once: copy, print, and a button to say they are kept. */
function RecoveryCodesPanel({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <section
      aria-labelledby="recovery-codes-title"
      className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h3 id="recovery-codes-title" className="font-bold">
        {t('accounts.recovery.title')}
      </h3>
      <p className="mt-1 text-sm">{t('accounts.recovery.intro')}</p>
      <ol
        dir="ltr"
        data-testid="recovery-codes"
        className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base text-slate-900 sm:max-w-md"
      >
        {codes.map((code) => (
          <li key={code} className="select-all">
            {code}
          </li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap gap-2 print:hidden">
        <Button onPress={() => void copy()}>
          <Copy aria-hidden="true" className="size-4" />
          {t('accounts.recovery.copy')}
        </Button>
        <Button onPress={() => window.print()}>
          <Printer aria-hidden="true" className="size-4" />
          {t('accounts.recovery.print')}
        </Button>
        <Button variant="primary" onPress={onSaved}>
          {t('accounts.recovery.saved')}
        </Button>
      </div>
      <span role="status" className="text-xs text-emerald-800">
        {copied ? t('accounts.recovery.copied') : ''}
      </span>
    </section>
  );
}

/** How many recovery codes are left, and a way to make a new set with a current code. */
function RecoveryStatus({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useQuery({
    queryKey: totpStatusKey,
    queryFn: () => api.get<{ totpEnabled: boolean; unusedRecoveryCodes: number }>('/api/me/totp'),
  });
  const left = status.data?.unusedRecoveryCodes;
  return (
    <div className="mt-4 flex flex-col gap-2 border-t border-slate-200 pt-4">
      <h3 className="font-medium text-slate-900">{t('accounts.recovery.title')}</h3>
      {left === undefined ? null : (
        <p
          data-testid="recovery-left"
          className={left <= 2 ? 'text-sm font-medium text-amber-800' : 'text-sm text-slate-700'}
        >
          {t('accounts.recovery.left', { count: left, formatted: format.number(left) })}
        </p>
      )}
      <CodeForm
        path="/api/me/totp/recovery-codes"
        submit={t('accounts.recovery.regenerate')}
        pending={t('accounts.recovery.regenerating')}
        help={t('accounts.recovery.regenerateHelp')}
        variant="secondary"
        onDone={(result) => onCodes((result as RecoveryCodes).recoveryCodes)}
      />
    </div>
  );
}
