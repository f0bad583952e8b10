import { MapPin, Pencil, Phone, Plus } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Checkbox, TextField } from '../../../ui/fields';
import { Loading, PageHeader } from '../../../ui/Page';
import { TextAreaField } from '../../../ui/TextAreaField';
import { hasPermission, useUser } from '../../session';
import { type BranchDetails, useBranchesOverview, useSaveBranch } from './setup-api';
import { useUnsavedGuard } from './useUnsavedGuard';

/** الفروع: the branch offices, the districts and villages each serves, and its representatives (مناديب المكاتب الفرعية). */
export default function BranchesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const canManage = hasPermission(user, 'branches.manage');
  const branches = useBranchesOverview();
  const [editing, setEditing] = useState<BranchDetails | 'new' | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  return (
    <>
      <PageHeader
        title={t('branches.title')}
        subtitle={t('branches.subtitle')}
        actions={
          canManage ? (
            <Button variant="primary" onPress={() => setEditing('new')}>
              <Plus aria-hidden="true" className="size-4" />
              {t('branches.add')}
            </Button>
          ) : null
        }
      />
      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {branches.isPending ? <Loading label={t('app.loading')} /> : null}
      {branches.isError ? <ErrorAlert>{errorMessage(branches.error)}</ErrorAlert> : null}
      <ul className="grid gap-3 lg:grid-cols-2" aria-label={t('branches.title')}>
        {(branches.data ?? []).map((b) => (
          <li key={b.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h2 className="font-bold text-slate-900">{b.nameAr}</h2>
                <p className="text-xs text-slate-600">
                  <bdi dir="ltr">{b.code}</bdi> · <bdi>{b.nameEn}</bdi>
                </p>
              </div>
              <div className="flex items-center gap-2">
                <Badge tone={b.active ? 'success' : 'neutral'}>
                  {b.active ? t('branches.active') : t('branches.closed')}
                </Badge>
                {canManage ? (
                  <Button
                    variant="ghost"
                    className="min-h-9 px-2"
                    aria-label={t('branches.editLabel', { name: b.nameAr })}
                    onPress={() => setEditing(b)}
                  >
                    <Pencil aria-hidden="true" className="size-4" />
                  </Button>
                ) : null}
              </div>
            </div>
            <div className="text-sm text-slate-800">
              <span className="font-medium">{t('branches.areas')}: </span>
              {b.areas.length > 0 ? (
                b.areas.join('، ')
              ) : (
                <span className="text-amber-800">{t('branches.noAreas')}</span>
              )}
            </div>
            <div className="text-sm text-slate-800">
              <span className="font-medium">{t('branches.representatives')}: </span>
              {b.representatives.length > 0 ? (
                b.representatives
                  .map((r) => r.displayName + (r.disabled ? ` (${t('branches.disabled')})` : ''))
                  .join('، ')
              ) : (
                <span className="text-slate-600">{t('branches.noReps')}</span>
              )}
              {canManage ? (
                <Link href="/users" className="ms-2 text-brand-800 underline">
                  {t('branches.manageReps')}
                </Link>
              ) : null}
            </div>
            <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
              {b.addressAr ? (
                <span className="inline-flex items-center gap-1">
                  <MapPin aria-hidden="true" className="size-3.5" />
                  {b.addressAr}
                </span>
              ) : null}
              {b.phone ? (
                <span className="inline-flex items-center gap-1">
                  <Phone aria-hidden="true" className="size-3.5" />
                  <bdi dir="ltr">{b.phone}</bdi>
                </span>
              ) : null}
              <span>
                {t('branches.counts', { staff: format.number(b.staffCount), files: format.number(b.beneficiaryCount) })}
              </span>
            </p>
          </li>
        ))}
      </ul>
      {editing ? (
        <Dialog
          title={editing === 'new' ? t('branches.add') : t('branches.editLabel', { name: editing.nameAr })}
          isOpen
          onOpenChange={(open) => !open && setEditing(null)}
          closeLabel={t('app.close')}
        >
          <BranchForm
            branch={editing === 'new' ? undefined : editing}
            onCancel={() => setEditing(null)}
            onDone={(message) => {
              setEditing(null);
              setNotice(message);
            }}
          />
        </Dialog>
      ) : null}
    </>
  );
}

const lines = (text: string) =>
  text
    .split(/[\n،,]/)
    .map((s) => s.trim())
    .filter(Boolean);

function BranchForm({
  branch,
  onCancel,
  onDone,
}: {
  branch?: BranchDetails;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveBranch();
  const [code, setCode] = useState('');
  const [nameAr, setNameAr] = useState(branch?.nameAr ?? '');
  const [nameEn, setNameEn] = useState(branch?.nameEn ?? '');
  const [areas, setAreas] = useState((branch?.areas ?? []).join('\n'));
  const [addressAr, setAddress] = useState(branch?.addressAr ?? '');
  const [phone, setPhone] = useState(branch?.phone ?? '');
  const [active, setActive] = useState(branch?.active ?? true);
  const value = {
    nameAr: nameAr.trim(),
    nameEn: nameEn.trim(),
    areas: lines(areas),
    addressAr: addressAr.trim(),
    phone: phone.trim(),
    active,
  };
  const dirty = branch
    ? JSON.stringify(value) !==
      JSON.stringify({
        nameAr: branch.nameAr,
        nameEn: branch.nameEn,
        areas: branch.areas,
        addressAr: branch.addressAr,
        phone: branch.phone,
        active: branch.active,
      })
    : Boolean(code || nameAr || nameEn || areas);
  useUnsavedGuard(dirty);
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = branch ? { id: branch.id, ...value } : { code: code.trim().toUpperCase(), ...value };
    save.mutate(body, {
      onSuccess: (saved) =>
        onDone(branch ? t('branches.saved', { name: saved.nameAr }) : t('branches.created', { name: saved.nameAr })),
    });
  }

  return (
    <Form onSubmit={submit} validationErrors={fieldErrors} className="flex flex-col gap-3">
      {branch ? null : (
        <TextField
          name="code"
          label={t('branches.code')}
          description={t('branches.codeHelp')}
          value={code}
          onChange={setCode}
          ltr
          isRequired
          validate={(v) => (/^[A-Za-z0-9_]{2,12}$/.test(v.trim()) ? null : t('branches.codeInvalid'))}
        />
      )}
      <TextField
        name="nameAr"
        label={t('branches.nameAr')}
        value={nameAr}
        onChange={setNameAr}
        isRequired
        validate={(v) => (v.trim().length >= 2 ? null : t('setup.settingsHelp.tooShort'))}
      />
      <TextField
        name="nameEn"
        label={t('branches.nameEn')}
        value={nameEn}
        onChange={setNameEn}
        ltr
        isRequired
        validate={(v) => (v.trim().length >= 2 ? null : t('setup.settingsHelp.tooShort'))}
      />
      <TextAreaField
        name="areas"
        label={t('branches.areas')}
        description={t('branches.areasHelp')}
        value={areas}
        onChange={setAreas}
        rows={3}
      />
      <TextField name="addressAr" label={t('branches.address')} value={addressAr} onChange={setAddress} />
      <TextField
        name="phone"
        label={t('branches.phone')}
        value={phone}
        onChange={setPhone}
        ltr
        inputProps={{ inputMode: 'tel' }}
        validate={(v) => (/^[0-9+ ]{0,20}$/.test(v.trim()) ? null : t('branches.phoneInvalid'))}
      />
      <Checkbox isSelected={active} onChange={setActive}>
        {t('branches.activeLabel')}
      </Checkbox>
      {save.isError ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {branch ? t('setup.settingsHelp.save') : t('branches.create')}
        </Button>
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
      </div>
    </Form>
  );
}
