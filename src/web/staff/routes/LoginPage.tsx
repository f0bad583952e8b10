import { Droplets } from 'lucide-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../common/arabic';
import { ApiError, errorMessage } from '../../lib/api';
import { setLocale } from '../../lib/i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useDocumentTitle } from '../../ui/Page';
import { TextField } from '../../ui/text-field';
import { LanguageToggle } from '../layout/LanguageToggle';
import { useOrganization, useOrganizationName } from '../queries';
import { useLogin } from '../session';

const TOTP = /^\d{6}$/;

/** Staff sign-in: username and password, then a six-digit code when the account uses two-step verification. */
export function LoginPage() {
  const { t } = useTranslation();
  const organization = useOrganization();
  const orgName = useOrganizationName();
  const login = useLogin();
  useDocumentTitle(t('login.title'));

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  // A lost phone: one of the account's one-time recovery codes stands in for the app's code.
  const [useRecovery, setUseRecovery] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needsTotp) totpRef.current?.focus();
  }, [needsTotp]);

  const code = toLatinDigits(totp).replace(/\s/g, '');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const second = !needsTotp ? {} : useRecovery ? { recoveryCode: recoveryCode.trim() } : { totp: code };
    const body = { username: username.trim(), password, ...second };
    // On success the session changes and the router takes the person where they were going.
    login.mutate(body, {
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'auth.totp_required') {
          setNeedsTotp(true);
          return;
        }
        setError(errorMessage(err));
        if (err instanceof ApiError && (err.code === 'auth.totp_invalid' || err.code === 'auth.totp_reused')) {
          setTotp('');
          totpRef.current?.focus();
        } else if (err instanceof ApiError && err.code === 'auth.recovery_code_invalid') {
          setRecoveryCode('');
          totpRef.current?.focus();
        } else if (err instanceof ApiError && err.code === 'auth.invalid_credentials') {
          setNeedsTotp(false);
          setTotp('');
          setPassword('');
          passwordRef.current?.focus();
        }
      },
    });
  }

  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <header className="flex justify-end p-3 sm:p-5">
        <LanguageToggle onChange={(locale) => void setLocale(locale)} />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 sm:items-center">
        <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <div className="mb-6 flex flex-col items-center gap-3 text-center">
            {organization.data?.logoUrl ? (
              <img src={organization.data.logoUrl} alt="" className="size-14 rounded object-contain" />
            ) : (
              <span aria-hidden="true" className="flex size-14 items-center justify-center rounded-full bg-brand-700">
                <Droplets className="size-7 text-white" />
              </span>
            )}
            <p className="text-lg font-bold text-slate-900">{orgName}</p>
            <div>
              <h1 className="text-xl font-bold text-brand-800">{t('login.title')}</h1>
              <p className="mt-1 text-slate-600">{t('login.subtitle')}</p>
            </div>
          </div>

          <Form onSubmit={onSubmit} className="flex flex-col gap-4">
            <TextField
              label={t('login.username')}
              name="username"
              value={username}
              onChange={setUsername}
              autoFocus
              isRequired
              ltr
              autoComplete="username"
              validate={(value) => (value.trim() ? null : t('app.required'))}
              inputProps={{
                autoCapitalize: 'none',
                autoCorrect: 'off',
                spellCheck: false,
                'data-testid': 'login-username',
              }}
            />
            <TextField
              label={t('login.password')}
              name="password"
              type="password"
              value={password}
              onChange={setPassword}
              isRequired
              ltr
              autoComplete="current-password"
              validate={(value) => (value ? null : t('app.required'))}
              inputRef={passwordRef}
              inputProps={{ 'data-testid': 'login-password' }}
            />
            {needsTotp && useRecovery ? (
              <TextField
                label={t('accounts.login.recoveryCode')}
                name="recoveryCode"
                value={recoveryCode}
                onChange={setRecoveryCode}
                isRequired
                ltr
                autoComplete="off"
                description={t('accounts.login.recoveryHelp')}
                validate={(value) => (value.trim() ? null : t('app.required'))}
                inputRef={totpRef}
                inputClassName="font-mono"
                inputProps={{ spellCheck: false, autoCapitalize: 'none', 'data-testid': 'login-recovery' }}
              />
            ) : null}
            {needsTotp && !useRecovery ? (
              <TextField
                label={t('login.totp')}
                name="totp"
                value={totp}
                onChange={setTotp}
                isRequired
                ltr
                autoComplete="one-time-code"
                description={t('login.totpHelp')}
                validate={(value) =>
                  TOTP.test(toLatinDigits(value).replace(/\s/g, '')) ? null : t('login.totpFormat')
                }
                inputRef={totpRef}
                inputClassName="tracking-[0.3em]"
                inputProps={{ inputMode: 'numeric', maxLength: 8, 'data-testid': 'login-totp' }}
              />
            ) : null}

            {needsTotp ? (
              <Button
                variant="ghost"
                className="min-h-9 self-start px-2 text-sm"
                onPress={() => {
                  setUseRecovery((v) => !v);
                  setError(null);
                  setTimeout(() => totpRef.current?.focus(), 0);
                }}
              >
                {useRecovery ? t('accounts.login.useTotp') : t('accounts.login.useRecovery')}
              </Button>
            ) : null}

            {error ? <ErrorAlert>{error}</ErrorAlert> : null}

            <Button type="submit" variant="primary" isPending={login.isPending} className="mt-1 w-full">
              {login.isPending ? t('login.submitting') : t('login.submit')}
            </Button>
          </Form>
        </div>
      </main>
    </div>
  );
}
