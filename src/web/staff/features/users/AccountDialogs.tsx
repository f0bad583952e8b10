import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PASSWORD_MIN } from '../../../../common/domain/roles';
import { ApiError, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button, buttonClass } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/fields';
import { Named } from '../../../ui/Named';
import type { StaffUser } from '../../api-types';
import { useResetPassword, useResetTotp, useRevokeSessions } from './queries';

/** Letters and digits easy to read out and type (no 0/O, 1/l/I). */
const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function suggestPassword(): string {
  const bytes = new Uint32Array(14);
  crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b) => READABLE[b % READABLE.length]).join('');
  return `${chars.slice(0, 7)}-${chars.slice(7)}`;
}

type DialogProps = {
  user: StaffUser;
  isSelf: boolean;
  onClose: () => void;
  onDone: (message: ReactNode) => void;
};

/** The admin gives someone a temporary password; for the admin's own account it points to the profile page. */
export function ResetPasswordDialog({ user, isSelf, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const min = format.number(PASSWORD_MIN);
  const fieldErrors = reset.error instanceof ApiError ? reset.error.fieldErrors() : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.mutate(
      { id: user.id, newPassword: password },
      { onSuccess: () => onDone(<Named k="accounts.done.passwordReset" name={user.displayName} />) },
    );
  }

  return (
    <Dialog
      size="sm"
      isOpen
      onOpenChange={(open) => !open && onClose()}
      closeLabel={t('app.close')}
      title={<Named k="accounts.resetPassword.title" name={user.displayName} />}
    >
      {isSelf ? (
        <div className="flex flex-col gap-4">
          <p className="text-slate-700">{t('accounts.resetPassword.selfNote')}</p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button onPress={onClose}>{t('app.cancel')}</Button>
            <Link href="/settings/profile" className={buttonClass('primary')}>
              {t('accounts.resetPassword.selfLink')}
            </Link>
          </div>
        </div>
      ) : (
        <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
          <p className="text-slate-700">{t('accounts.resetPassword.body')}</p>
          <TextField
            label={t('accounts.resetPassword.field')}
            name="newPassword"
            value={password}
            onChange={(value) => {
              setPassword(value);
              if (reset.isError) reset.reset();
            }}
            isRequired
            ltr
            autoComplete="off"
            description={t('profile.newPasswordHelp', { min })}
            validate={(value) => (value.length >= PASSWORD_MIN ? null : t('users.fields.passwordTooShort', { min }))}
            inputProps={{ spellCheck: false, 'data-testid': 'reset-password' }}
            inputClassName="font-mono"
          />
          <div>
            <Button variant="ghost" className="min-h-9 px-3" onPress={() => setPassword(suggestPassword())}>
              {t('accounts.resetPassword.generate')}
            </Button>
          </div>
          {reset.isError && Object.keys(fieldErrors).length === 0 ? (
            <ErrorAlert>{errorMessage(reset.error)}</ErrorAlert>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onPress={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" variant="primary" isPending={reset.isPending}>
              {reset.isPending ? t('app.saving') : t('accounts.resetPassword.submit')}
            </Button>
          </div>
        </Form>
      )}
    </Dialog>
  );
}

type ConfirmKeys = {
  title: 'accounts.resetTotp.title' | 'accounts.revokeSessions.title';
  body: 'accounts.resetTotp.body' | 'accounts.revokeSessions.body';
  confirm: 'accounts.resetTotp.confirm' | 'accounts.revokeSessions.confirm';
  done: 'accounts.done.totpReset' | 'accounts.done.sessionsRevoked';
};

/** An admin's one-step action on someone's account, confirmed in an alert dialog (two-step reset, end sessions). */
function ConfirmAccountDialog({
  user,
  onClose,
  onDone,
  keys,
  mutation,
}: Omit<DialogProps, 'isSelf'> & {
  keys: ConfirmKeys;
  mutation: ReturnType<typeof useResetTotp> | ReturnType<typeof useRevokeSessions>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      role="alertdialog"
      size="sm"
      isOpen
      onOpenChange={(open) => !open && onClose()}
      closeLabel={t('app.close')}
      title={<Named k={keys.title} name={user.displayName} />}
    >
      <p className="text-slate-700">{t(keys.body)}</p>
      {mutation.isError ? <ErrorAlert className="mt-3">{errorMessage(mutation.error)}</ErrorAlert> : null}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button onPress={onClose}>{t('app.cancel')}</Button>
        <Button
          variant="danger"
          isPending={mutation.isPending}
          onPress={() =>
            (mutation.mutate as (id: string, options: { onSuccess: () => void }) => void)(user.id, {
              onSuccess: () => onDone(<Named k={keys.done} name={user.displayName} />),
            })
          }
        >
          {t(keys.confirm)}
        </Button>
      </div>
    </Dialog>
  );
}

/** The admin switches off the two-step of someone who lost their authenticator. */
export function ResetTotpDialog(props: Omit<DialogProps, 'isSelf'>) {
  const keys = {
    title: 'accounts.resetTotp.title',
    body: 'accounts.resetTotp.body',
    confirm: 'accounts.resetTotp.confirm',
    done: 'accounts.done.totpReset',
  } as const;
  return <ConfirmAccountDialog {...props} keys={keys} mutation={useResetTotp()} />;
}

/** The admin ends every session of someone (a lost or shared phone): the field app there clears what it holds. */
export function RevokeSessionsDialog(props: Omit<DialogProps, 'isSelf'>) {
  const keys = {
    title: 'accounts.revokeSessions.title',
    body: 'accounts.revokeSessions.body',
    confirm: 'accounts.revokeSessions.confirm',
    done: 'accounts.done.sessionsRevoked',
  } as const;
  return <ConfirmAccountDialog {...props} keys={keys} mutation={useRevokeSessions()} />;
}
