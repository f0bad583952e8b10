import { Search, UserPlus } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../common/domain/roles';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/fields';
import { Named } from '../../ui/Named';
import { Loading, PageHeader } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import type { StaffUser, UserFilter } from '../api-types';
import { ResetPasswordDialog, ResetTotpDialog, RevokeSessionsDialog } from '../features/users/AccountDialogs';
import { useUpdateUser, useUsers } from '../features/users/queries';
import { UserFormDialog } from '../features/users/UserFormDialog';
import { useBranches, useBranchName } from '../queries';
import { useUser } from '../session';

type Editing =
  | { kind: 'create' }
  | { kind: 'edit' | 'disable' | 'password' | 'totp' | 'sessions'; user: StaffUser }
  | null;

const ALL = 'all';

// Under 640 px the table reflows into one card per user; each cell shows its column name before its value.
const cell = 'px-3 py-2.5 align-middle max-sm:flex max-sm:items-center max-sm:gap-3 max-sm:px-0 max-sm:py-1';
const cellLabel =
  'max-sm:before:w-24 max-sm:before:shrink-0 max-sm:before:text-xs max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]';

/**
 * Admin: the association's staff accounts — find (name, role, branch, two-step), add, edit, give a temporary
 * password, reset a lost two-step, disable and enable.
 */
export default function UsersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const format = useFormat();
  const branchName = useBranchName();
  const branches = useBranches();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<UserFilter>({});
  const users = useUsers(filter);
  const filtered = Boolean(filter.q || filter.role || filter.branchId || filter.twoStep);
  const update = useUpdateUser();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const close = () => setEditing(null);
  const done = (message: ReactNode) => {
    setEditing(null);
    setActionError(null);
    setNotice(message);
  };

  function setDisabled(user: StaffUser, disabled: boolean) {
    setNotice(null);
    setActionError(null);
    update.mutate(
      { id: user.id, disabled },
      {
        onSuccess: (saved) =>
          done(<Named k={disabled ? 'users.done.disabled' : 'users.done.enabled'} name={saved.displayName} />),
        onError: (error) => {
          setEditing(null);
          setActionError(errorMessage(error));
        },
      },
    );
  }

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilter((f) => ({ ...f, q: text.trim() || undefined }));
  }

  const count = users.data?.length;
  const columns = {
    name: t('users.columns.name'),
    role: t('users.columns.role'),
    branch: t('users.columns.branch'),
    twoStep: t('accounts.columns.twoStep'),
    lastLogin: t('accounts.columns.lastLogin'),
    status: t('users.columns.status'),
    actions: t('users.columns.actions'),
  };
  const roleOptions = [
    { id: ALL, label: t('accounts.search.all') },
    ...ROLES.map((r) => ({ id: r, label: t(`roles.${r}`) })),
  ];
  const branchOptions = [
    { id: ALL, label: t('accounts.search.all') },
    ...(branches.data ?? []).map((b) => ({ id: b.id, label: branchName(b.id) ?? b.nameAr })),
  ];
  const twoStepOptions = [
    { id: ALL, label: t('accounts.search.all') },
    { id: 'on', label: t('accounts.search.on') },
    { id: 'off', label: t('accounts.search.off') },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={
          count === undefined
            ? t('users.subtitle')
            : `${t('users.subtitle')} ${t('users.count', { count, formatted: format.number(count) })}.`
        }
        actions={
          <Button
            variant="primary"
            onPress={() => {
              setNotice(null);
              setEditing({ kind: 'create' });
            }}
          >
            <UserPlus aria-hidden="true" className="size-4" />
            {t('users.create')}
          </Button>
        }
      />

      <Form role="search" onSubmit={onSearch} className="mb-5 grid grid-cols-2 items-end gap-3 lg:flex">
        <TextField
          label={t('accounts.search.label')}
          name="q"
          type="search"
          value={text}
          onChange={setText}
          placeholder={t('accounts.search.placeholder')}
          inputProps={{ enterKeyHint: 'search', autoComplete: 'off' }}
          className="col-span-2 min-w-0 lg:flex-1"
        />
        <SelectField
          label={t('accounts.search.role')}
          options={roleOptions}
          value={filter.role ?? ALL}
          onChange={(value) =>
            setFilter((f) => ({ ...f, role: value && value !== ALL ? (value as UserFilter['role']) : undefined }))
          }
          className="lg:w-44"
        />
        <SelectField
          label={t('accounts.search.branch')}
          options={branchOptions}
          value={filter.branchId ?? ALL}
          onChange={(value) => setFilter((f) => ({ ...f, branchId: value && value !== ALL ? value : undefined }))}
          className="lg:w-44"
        />
        <SelectField
          label={t('accounts.search.twoStep')}
          options={twoStepOptions}
          value={filter.twoStep ?? ALL}
          onChange={(value) =>
            setFilter((f) => ({ ...f, twoStep: value === 'on' || value === 'off' ? value : undefined }))
          }
          className="lg:w-40"
        />
        <Button type="submit" variant="secondary">
          <Search aria-hidden="true" className="size-4" />
          {t('accounts.search.submit')}
        </Button>
      </Form>

      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {actionError ? <ErrorAlert className="mb-4">{actionError}</ErrorAlert> : null}

      {users.isPending ? <Loading label={t('app.loading')} /> : null}
      {users.isError ? (
        <div className="flex flex-col items-start gap-3">
          <ErrorAlert>{errorMessage(users.error)}</ErrorAlert>
          <Button onPress={() => void users.refetch()}>{t('app.retry')}</Button>
        </div>
      ) : null}

      {users.data ? (
        users.data.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
            {filtered ? t('accounts.search.empty') : t('users.empty')}
          </p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white max-sm:border-0 max-sm:bg-transparent">
            <table className="w-full text-sm max-sm:block">
              <caption className="sr-only">{t('users.title')}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700 max-sm:sr-only">
                <tr>
                  <th scope="col" className="px-3 py-2.5 text-start font-medium">
                    {columns.name}
                  </th>
                  <th scope="col" className="px-3 py-2.5 text-start font-medium">
                    {columns.role}
                  </th>
                  <th scope="col" className="px-3 py-2.5 text-start font-medium">
                    {columns.branch}
                  </th>
                  <th scope="col" className="px-3 py-2.5 text-start font-medium">
                    {columns.twoStep}
                  </th>
                  <th scope="col" className="px-3 py-2.5 text-start font-medium">
                    {columns.lastLogin}
                  </th>
                  <th scope="col" className="px-3 py-2.5 text-start font-medium">
                    {columns.status}
                  </th>
                  <th scope="col" className="px-3 py-2.5 text-start font-medium">
                    {columns.actions}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 max-sm:flex max-sm:flex-col max-sm:gap-3 max-sm:divide-y-0">
                {users.data.map((user) => {
                  const isSelf = user.id === me.id;
                  return (
                    <tr
                      key={user.id}
                      className={cx(
                        'hover:bg-slate-50 max-sm:block max-sm:rounded-lg max-sm:border max-sm:border-slate-200',
                        'max-sm:bg-white max-sm:p-3',
                        user.disabled && 'text-slate-600',
                      )}
                    >
                      <td className={cx(cell, 'max-sm:mb-1')}>
                        <div className="font-medium text-slate-900">
                          {user.displayName}
                          {isSelf ? (
                            <span className="ms-2 text-xs font-normal text-brand-800">({t('users.you')})</span>
                          ) : null}
                        </div>
                        <div className="text-xs text-slate-600">
                          <bdi dir="ltr">{user.username}</bdi>
                        </div>
                      </td>
                      <td className={cx(cell, cellLabel)} data-label={columns.role}>
                        {t(`roles.${user.role}`)}
                      </td>
                      <td className={cx(cell, cellLabel)} data-label={columns.branch}>
                        {branchName(user.branchId) ?? <span className="text-slate-600">{t('home.noBranch')}</span>}
                      </td>
                      <td className={cx(cell, cellLabel)} data-label={columns.twoStep}>
                        {user.totpEnabled ? (
                          <Badge tone="success">{t('accounts.twoStep.on')}</Badge>
                        ) : user.totpRequired ? (
                          <Badge tone="warning">{t('accounts.twoStep.pending')}</Badge>
                        ) : (
                          <Badge>{t('accounts.twoStep.off')}</Badge>
                        )}
                      </td>
                      <td className={cx(cell, cellLabel, 'whitespace-nowrap')} data-label={columns.lastLogin}>
                        {user.lastLoginAt ? (
                          <time dateTime={user.lastLoginAt} title={format.dual(user.lastLoginAt)}>
                            {format.relative(user.lastLoginAt)}
                          </time>
                        ) : (
                          <span className="text-slate-600">{t('accounts.neverSignedIn')}</span>
                        )}
                      </td>
                      <td className={cx(cell, cellLabel)} data-label={columns.status}>
                        <span className="flex flex-wrap gap-1.5">
                          {user.disabled ? (
                            <Badge tone="danger">{t('users.status.disabled')}</Badge>
                          ) : (
                            <Badge tone="success">{t('users.status.active')}</Badge>
                          )}
                          {user.mustChangePassword ? <Badge tone="info">{t('accounts.mustChange')}</Badge> : null}
                          {user.signInAlert ? <Badge tone="danger">{t('accounts.signInAlert')}</Badge> : null}
                        </span>
                      </td>
                      <td className={cx(cell, 'max-sm:mt-2 max-sm:border-t max-sm:border-slate-100 max-sm:pt-3')}>
                        <div className="flex flex-wrap gap-2">
                          <Button
                            className="min-h-9 px-3"
                            aria-label={t('users.actions.editLabel', { name: user.displayName })}
                            onPress={() => {
                              setNotice(null);
                              setEditing({ kind: 'edit', user });
                            }}
                          >
                            {t('users.actions.edit')}
                          </Button>
                          <Button
                            className="min-h-9 px-3"
                            aria-label={t('accounts.actions.resetPasswordLabel', { name: user.displayName })}
                            onPress={() => {
                              setNotice(null);
                              setEditing({ kind: 'password', user });
                            }}
                          >
                            {t('accounts.actions.resetPassword')}
                          </Button>
                          {user.totpEnabled && !isSelf ? (
                            <Button
                              className="min-h-9 px-3"
                              aria-label={t('accounts.actions.resetTotpLabel', { name: user.displayName })}
                              onPress={() => {
                                setNotice(null);
                                setEditing({ kind: 'totp', user });
                              }}
                            >
                              {t('accounts.actions.resetTotp')}
                            </Button>
                          ) : null}
                          {isSelf ? null : (
                            <Button
                              className="min-h-9 px-3"
                              aria-label={t('accounts.actions.revokeSessionsLabel', { name: user.displayName })}
                              onPress={() => {
                                setNotice(null);
                                setEditing({ kind: 'sessions', user });
                              }}
                            >
                              {t('accounts.actions.revokeSessions')}
                            </Button>
                          )}
                          {isSelf ? null : user.disabled ? (
                            <Button
                              className="min-h-9 px-3"
                              aria-label={t('users.actions.enableLabel', { name: user.displayName })}
                              isPending={update.isPending && update.variables?.id === user.id}
                              onPress={() => setDisabled(user, false)}
                            >
                              {t('users.actions.enable')}
                            </Button>
                          ) : (
                            <Button
                              variant="dangerQuiet"
                              className="min-h-9 px-3"
                              aria-label={t('users.actions.disableLabel', { name: user.displayName })}
                              onPress={() => {
                                setNotice(null);
                                setEditing({ kind: 'disable', user });
                              }}
                            >
                              {t('users.actions.disable')}
                            </Button>
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      ) : null}

      <UserFormDialog isOpen={editing?.kind === 'create'} onOpenChange={(open) => !open && close()} onDone={done} />
      {editing?.kind === 'edit' ? (
        <UserFormDialog
          user={editing.user}
          isSelf={editing.user.id === me.id}
          isOpen
          onOpenChange={(open) => !open && close()}
          onDone={done}
        />
      ) : null}
      {editing?.kind === 'password' ? (
        <ResetPasswordDialog user={editing.user} isSelf={editing.user.id === me.id} onClose={close} onDone={done} />
      ) : null}
      {editing?.kind === 'totp' ? <ResetTotpDialog user={editing.user} onClose={close} onDone={done} /> : null}
      {editing?.kind === 'sessions' ? <RevokeSessionsDialog user={editing.user} onClose={close} onDone={done} /> : null}
      <Dialog
        role="alertdialog"
        size="sm"
        isOpen={editing?.kind === 'disable'}
        onOpenChange={(open) => !open && close()}
        closeLabel={t('app.close')}
        title={
          editing?.kind === 'disable' ? <Named k="users.confirmDisable.title" name={editing.user.displayName} /> : ''
        }
      >
        <p className="text-slate-700">{t('users.confirmDisable.body')}</p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button onPress={close}>{t('app.cancel')}</Button>
          <Button
            variant="danger"
            isPending={update.isPending}
            onPress={() => editing?.kind === 'disable' && setDisabled(editing.user, true)}
          >
            {t('users.confirmDisable.confirm')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
