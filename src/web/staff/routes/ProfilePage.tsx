import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { toArabicDigits } from '../../../common/arabic';
import type { Digits, Locale } from '../../../common/dates';
import { PASSWORD_MIN } from '../../../common/domain/roles';
import { ApiError, api, errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { Card, PageHeader } from '../../ui/Page';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { DigestSection } from '../features/profile/DigestSection';
import { TotpSection } from '../features/profile/TotpSection';
import { useBranchName } from '../queries';
import { useUpdatePreferences, useUser } from '../session';

/**
 * The signed-in person's own settings: two-step verification, interface language, digits, the daily e-mail
 * digest, and password.
 */
export default function ProfilePage() {
  const { t } = useTranslation();
  const user = useUser();
  const branchName = useBranchName();
  return (
    <>
      <PageHeader title={t('profile.title')} />
      <div className="grid max-w-3xl gap-5">
        <Card>
          <h2 className="mb-3 text-base font-bold text-slate-900">{t('profile.account')}</h2>
          <dl className="grid gap-3 sm:grid-cols-3">
            <div>
              <dt className="text-xs text-slate-600">{t('users.fields.username')}</dt>
              <dd className="font-medium">
                <bdi dir="ltr">{user.username}</bdi>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">{t('home.role')}</dt>
              <dd className="font-medium">{t(`roles.${user.role}`)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">{t('home.branch')}</dt>
              <dd className="font-medium">{branchName(user.branchId) ?? t('home.noBranch')}</dd>
            </div>
          </dl>
        </Card>
        <TotpSection />
        <PreferencesForm />
        <DigestSection />
        <PasswordForm />
      </div>
    </>
  );
}

function PreferencesForm() {
  const { t } = useTranslation();
  const user = useUser();
  const update = useUpdatePreferences();
  const [locale, setLocaleChoice] = useState<Locale>(user.preferences.locale);
  const [digits, setDigits] = useState<Digits>(user.preferences.digits);
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const body: { locale?: Locale; digits?: Digits } = {};
    if (locale !== user.preferences.locale) body.locale = locale;
    if (digits !== user.preferences.digits) body.digits = digits;
    if (!body.locale && !body.digits) {
      setSaved(true);
      return;
    }
    update.mutate(body, { onSuccess: () => setSaved(true) });
  }

  return (
    <Card>
      <h2 className="mb-3 text-base font-bold text-slate-900">{t('profile.preferences')}</h2>
      <Form onSubmit={onSubmit} className="flex flex-col gap-4">
        <RadioGroupField
          label={t('profile.language')}
          value={locale}
          onChange={(value) => setLocaleChoice(value === 'en' ? 'en' : 'ar')}
          options={[
            { id: 'ar', label: <span lang="ar">{t('language.names.ar')}</span> },
            { id: 'en', label: <span lang="en">{t('language.names.en')}</span> },
          ]}
        />
        <RadioGroupField
          label={t('profile.digits')}
          value={digits}
          onChange={(value) => setDigits(value === 'latn' ? 'latn' : 'arab')}
          options={[
            {
              id: 'arab',
              label: t('profile.digitsArab'),
              description: <bdi dir="ltr">{toArabicDigits('0123456789')}</bdi>,
            },
            { id: 'latn', label: t('profile.digitsLatn'), description: <bdi dir="ltr">0123456789</bdi> },
          ]}
        />
        {update.isError ? <ErrorAlert>{errorMessage(update.error)}</ErrorAlert> : null}
        <SuccessNotice>{saved ? t('profile.preferencesSaved') : null}</SuccessNotice>
        <div>
          <Button type="submit" variant="primary" isPending={update.isPending}>
            {update.isPending ? t('app.saving') : t('profile.savePreferences')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/me/password', body),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      setConfirm('');
      setDone(true);
    },
  });
  const min = format.number(PASSWORD_MIN);
  const fieldErrors = change.error instanceof ApiError ? change.error.fieldErrors() : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    change.mutate({ currentPassword, newPassword });
  }

  return (
    <Card>
      <h2 className="mb-3 text-base font-bold text-slate-900">{t('profile.password')}</h2>
      <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex max-w-md flex-col gap-4">
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <TextField
          label={t('profile.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          ltr
          isRequired
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
        {change.isError ? <ErrorAlert>{errorMessage(change.error)}</ErrorAlert> : null}
        <SuccessNotice>{done ? t('profile.passwordChanged') : null}</SuccessNotice>
        <div>
          <Button type="submit" variant="secondary" isPending={change.isPending}>
            {change.isPending ? t('app.saving') : t('profile.changePassword')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
