import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, ROLES, type Role, USERNAME_PATTERN } from '../../../../common/domain/roles';
import { ApiError, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Checkbox, TextField } from '../../../ui/fields';
import { Named } from '../../../ui/Named';
import { SelectField } from '../../../ui/SelectField';
import type { StaffUser } from '../../api-types';
import { useBranches } from '../../queries';
import { useCreateUser, useUpdateUser } from './queries';

const NO_BRANCH = 'none';

export type UserFormDialogProps = {
  /** Absent: add a new user. */
  user?: StaffUser;
  /** The signed-in admin may not change their own role. */
  isSelf?: boolean;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (message: ReactNode) => void;
};

export function UserFormDialog({ user, isSelf, isOpen, onOpenChange, onDone }: UserFormDialogProps) {
  const { t } = useTranslation();
  const title = user ? <Named k="users.editTitle" name={user.displayName} /> : t('users.createTitle');
  return (
    <Dialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} closeLabel={t('app.close')}>
      <UserForm user={user} isSelf={isSelf} onCancel={() => onOpenChange(false)} onDone={onDone} />
    </Dialog>
  );
}

function UserForm({
  user,
  isSelf,
  onCancel,
  onDone,
}: {
  user?: StaffUser;
  isSelf?: boolean;
  onCancel: () => void;
  onDone: (message: ReactNode) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const branches = useBranches();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;

  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>(user?.role ?? 'officer');
  const [branch, setBranch] = useState<string>(user?.branchId ?? NO_BRANCH);
  const [totpRequired, setTotpRequired] = useState(user?.totpRequired ?? false);

  const min = format.number(PASSWORD_MIN);
  const roleOptions = ROLES.map((r) => ({ id: r, label: t(`roles.${r}`) }));
  const branchOptions = [
    { id: NO_BRANCH, label: t('users.fields.branchNone') },
    ...(branches.data ?? []).map((b) => ({
      id: b.id,
      label: (i18n.language === 'en' ? b.nameEn : b.nameAr) || b.nameAr,
    })),
  ];
  const branchId = branch === NO_BRANCH ? null : branch;
  const serverFieldErrors = mutation.error instanceof ApiError ? mutation.error.fieldErrors() : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = displayName.trim();
    if (user) {
      update.mutate(
        {
          id: user.id,
          displayName: name,
          branchId,
          totpRequired,
          ...(isSelf ? {} : { role }),
        },
        { onSuccess: (saved) => onDone(<Named k="users.done.updated" name={saved.displayName} />) },
      );
    } else {
      create.mutate(
        { username: username.trim(), displayName: name, password, role, branchId },
        { onSuccess: (saved) => onDone(<Named k="users.done.created" name={saved.displayName} />) },
      );
    }
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={serverFieldErrors} className="flex flex-col gap-4">
      <TextField
        label={t('users.fields.displayName')}
        name="displayName"
        value={displayName}
        onChange={setDisplayName}
        isRequired
        autoFocus
        validate={(value) => (value.trim() ? null : t('app.required'))}
      />
      {user ? null : (
        <>
          <TextField
            label={t('users.fields.username')}
            name="username"
            value={username}
            onChange={setUsername}
            isRequired
            ltr
            autoComplete="off"
            description={t('users.fields.usernameHelp')}
            validate={(value) => {
              if (!value.trim()) return t('app.required');
              return USERNAME_PATTERN.test(value.trim()) ? null : t('users.fields.usernameInvalid');
            }}
            inputProps={{ autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false }}
          />
          <TextField
            label={t('users.fields.password')}
            name="password"
            type="password"
            value={password}
            onChange={setPassword}
            isRequired
            ltr
            autoComplete="new-password"
            description={t('users.fields.passwordHelp', { min })}
            validate={(value) => (value.length >= PASSWORD_MIN ? null : t('users.fields.passwordTooShort', { min }))}
          />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('users.fields.role')}
          name="role"
          options={roleOptions}
          value={role}
          onChange={(value) => {
            const next = ROLES.find((r) => r === value);
            if (next) setRole(next);
          }}
          isDisabled={isSelf}
          isRequired
        />
        <SelectField
          label={t('users.fields.branch')}
          name="branchId"
          options={branchOptions}
          value={branch}
          onChange={(value) => setBranch(value ?? NO_BRANCH)}
          validate={(key) =>
            role === 'branch_rep' && (key ?? NO_BRANCH) === NO_BRANCH ? t('users.fields.branchRequired') : null
          }
        />
      </div>
      {user ? (
        <Checkbox name="totpRequired" isSelected={totpRequired} onChange={setTotpRequired}>
          {t('users.fields.totpRequired')}
        </Checkbox>
      ) : null}

      {mutation.isError ? <ErrorAlert>{errorMessage(mutation.error)}</ErrorAlert> : null}

      <div className="mt-1 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onPress={onCancel}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" variant="primary" isPending={mutation.isPending}>
          {mutation.isPending ? t('app.saving') : user ? t('users.editSubmit') : t('users.createSubmit')}
        </Button>
      </div>
    </Form>
  );
}
