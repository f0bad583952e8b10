import { useMutation, useQueryClient } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../../common/domain/role-names';
import { ApiError, api, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { setLocale } from '../../../lib/i18n';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { useDocumentTitle } from '../../../ui/Page';
import { LanguageToggle } from '../../layout/LanguageToggle';
import { useOrganizationName } from '../../queries';
import { sessionKey, useLogout, useUser } from '../../session';

/**
 * After an admin set a temporary password, the server answers nothing but the person's own session routes until
 * they choose a new one; this page stands in for the whole app until then.
 */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const orgName = useOrganizationName();
  const queryClient = useQueryClient();
  const logout = useLogout();
  useDocumentTitle(t('accounts.forced.title'));
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/me/password', body),
    // The session now says no change is pending: the app opens where the person was going.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
  const min = format.number(PASSWORD_MIN);
  const fieldErrors = change.error instanceof ApiError ? change.error.fieldErrors() : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword });
  }

  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <header className="flex justify-end p-3 sm:p-5">
        <LanguageToggle onChange={(locale) => void setLocale(locale)} />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 sm:items-center">
        <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <div className="mb-5 flex flex-col items-center gap-3 text-center">
            <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-brand-700">
              <KeyRound className="size-6 text-white" />
            </span>
            <p className="text-sm text-slate-600">{orgName}</p>
            <h1 className="text-xl font-bold text-brand-800">{t('accounts.forced.title')}</h1>
            <p className="text-slate-700">{t('accounts.forced.body')}</p>
          </div>
          <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
            <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
            <TextField
              label={t('accounts.forced.current')}
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              ltr
              isRequired
              autoFocus
              value={currentPassword}
              onChange={setCurrent}
              validate={(value) => (value ? null : t('app.required'))}
            />
            <TextField
              label={t('profile.newPassword')}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              ltr
              isRequired
              description={t('profile.newPasswordHelp', { min })}
              value={newPassword}
              onChange={setNew}
              validate={(value) => (value.length >= PASSWORD_MIN ? null : t('users.fields.passwordTooShort', { min }))}
            />
            <TextField
              label={t('profile.confirmPassword')}
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              ltr
              isRequired
              value={confirm}
              onChange={setConfirm}
              validate={(value) => (value === newPassword ? null : t('profile.mismatch'))}
            />
            {change.isError && Object.keys(fieldErrors).length === 0 ? (
              <ErrorAlert>{errorMessage(change.error)}</ErrorAlert>
            ) : null}
            <Button type="submit" variant="primary" isPending={change.isPending} className="w-full">
              {change.isPending ? t('app.saving') : t('accounts.forced.submit')}
            </Button>
            <Button variant="ghost" onPress={() => logout.mutate()} className="w-full">
              {t('accounts.forced.signOut')}
            </Button>
          </Form>
        </div>
      </main>
    </div>
  );
}
