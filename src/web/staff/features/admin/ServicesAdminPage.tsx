import { Pencil, Plus, Trash2 } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../../common/arabic';
import { ApiError, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Checkbox, TextField } from '../../../ui/fields';
import { Loading, PageHeader } from '../../../ui/Page';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { hasPermission, useUser } from '../../session';
import { type AdminService, type ServiceDocument, useAdminServices, useSaveService } from './setup-api';
import { useUnsavedGuard } from './useUnsavedGuard';

/** خدمات الجمعية: the catalogue the portal and the intake offer, with each service's documents and recurrence. */
export default function ServicesAdminPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const canManage = hasPermission(user, 'services.manage');
  const services = useAdminServices();
  const [editing, setEditing] = useState<AdminService | 'new' | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  return (
    <>
      <PageHeader
        title={t('servicesAdmin.title')}
        subtitle={t('servicesAdmin.subtitle')}
        actions={
          canManage ? (
            <Button variant="primary" onPress={() => setEditing('new')}>
              <Plus aria-hidden="true" className="size-4" />
              {t('servicesAdmin.add')}
            </Button>
          ) : null
        }
      />
      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {services.isPending ? <Loading label={t('app.loading')} /> : null}
      {services.isError ? <ErrorAlert>{errorMessage(services.error)}</ErrorAlert> : null}
      <ul className="flex flex-col gap-3" aria-label={t('servicesAdmin.title')}>
        {(services.data ?? []).map((s) => (
          <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h2 className="font-bold text-slate-900">{s.nameAr}</h2>
                <p className="text-xs text-slate-600">
                  <bdi dir="ltr">{s.code}</bdi> · <bdi>{s.nameEn}</bdi>
                </p>
              </div>
              <div className="flex items-center gap-2">
                <Badge tone={s.active ? 'success' : 'neutral'}>
                  {s.active ? t('servicesAdmin.active') : t('servicesAdmin.inactive')}
                </Badge>
                <Badge tone="info">
                  {s.recurringDays
                    ? t('servicesAdmin.every', { n: format.number(s.recurringDays) })
                    : t('servicesAdmin.oneOff')}
                </Badge>
                {canManage ? (
                  <Button
                    variant="ghost"
                    className="min-h-9 px-2"
                    aria-label={t('servicesAdmin.editLabel', { name: s.nameAr })}
                    onPress={() => setEditing(s)}
                  >
                    <Pencil aria-hidden="true" className="size-4" />
                  </Button>
                ) : null}
              </div>
            </div>
            {s.descriptionAr ? <p className="mt-2 text-sm text-slate-700">{s.descriptionAr}</p> : null}
            <p className="mt-2 text-sm text-slate-800">
              <span className="font-medium">{t('servicesAdmin.documents')}: </span>
              {s.requiredDocuments.length > 0
                ? s.requiredDocuments.map((d) => d.labelAr).join('، ')
                : t('servicesAdmin.noDocuments')}
            </p>
          </li>
        ))}
      </ul>
      {editing ? (
        <Dialog
          title={editing === 'new' ? t('servicesAdmin.add') : t('servicesAdmin.editLabel', { name: editing.nameAr })}
          isOpen
          onOpenChange={(open) => !open && setEditing(null)}
          closeLabel={t('app.close')}
        >
          <ServiceForm
            service={editing === 'new' ? undefined : editing}
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

function ServiceForm({
  service,
  onCancel,
  onDone,
}: {
  service?: AdminService;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveService();
  const [code, setCode] = useState('');
  const [nameAr, setNameAr] = useState(service?.nameAr ?? '');
  const [nameEn, setNameEn] = useState(service?.nameEn ?? '');
  const [descriptionAr, setDescription] = useState(service?.descriptionAr ?? '');
  const [eligibility, setEligibility] = useState(service?.eligibilityNotesAr ?? '');
  const [docs, setDocs] = useState<ServiceDocument[]>(service?.requiredDocuments ?? []);
  const [recurring, setRecurring] = useState(service?.recurringDays ? 'recurring' : 'once');
  const [days, setDays] = useState(String(service?.recurringDays ?? 30));
  const [active, setActive] = useState(service?.active ?? true);
  const recurringDays = recurring === 'recurring' ? Number(toLatinDigits(days)) : null;
  const value = {
    nameAr: nameAr.trim(),
    nameEn: nameEn.trim(),
    descriptionAr: descriptionAr.trim(),
    eligibilityNotesAr: eligibility.trim(),
    requiredDocuments: docs.map((d) => ({ ...d, labelAr: d.labelAr.trim(), labelEn: d.labelEn.trim() })),
    recurringDays,
    active,
  };
  const original = service && {
    nameAr: service.nameAr,
    nameEn: service.nameEn,
    descriptionAr: service.descriptionAr,
    eligibilityNotesAr: service.eligibilityNotesAr,
    requiredDocuments: service.requiredDocuments,
    recurringDays: service.recurringDays,
    active: service.active,
  };
  const dirty = original ? JSON.stringify(value) !== JSON.stringify(original) : Boolean(code || nameAr || nameEn);
  useUnsavedGuard(dirty);
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (recurringDays !== null && !(Number.isInteger(recurringDays) && recurringDays >= 1 && recurringDays <= 366))
      return;
    const body = service ? { id: service.id, ...value } : { code: code.trim(), ...value };
    save.mutate(body, {
      onSuccess: (saved) =>
        onDone(
          service
            ? t('servicesAdmin.saved', { name: saved.nameAr })
            : t('servicesAdmin.created', { name: saved.nameAr }),
        ),
    });
  }

  return (
    <Form onSubmit={submit} validationErrors={fieldErrors} className="flex flex-col gap-3">
      {service ? null : (
        <TextField
          name="code"
          label={t('servicesAdmin.code')}
          description={t('servicesAdmin.codeHelp')}
          value={code}
          onChange={setCode}
          ltr
          isRequired
          validate={(v) => (/^[a-z0-9_]{2,40}$/.test(v.trim()) ? null : t('servicesAdmin.codeInvalid'))}
        />
      )}
      <TextField
        name="nameAr"
        label={t('servicesAdmin.nameAr')}
        value={nameAr}
        onChange={setNameAr}
        isRequired
        validate={(v) => (v.trim().length >= 2 ? null : t('setup.settingsHelp.tooShort'))}
      />
      <TextField
        name="nameEn"
        label={t('servicesAdmin.nameEn')}
        value={nameEn}
        onChange={setNameEn}
        ltr
        isRequired
        validate={(v) => (v.trim().length >= 2 ? null : t('setup.settingsHelp.tooShort'))}
      />
      <TextAreaField
        name="descriptionAr"
        label={t('servicesAdmin.description')}
        description={t('servicesAdmin.descriptionHelp')}
        value={descriptionAr}
        onChange={setDescription}
        rows={2}
      />
      <RadioGroupField
        label={t('servicesAdmin.recurrence')}
        value={recurring}
        onChange={setRecurring}
        options={[
          { id: 'once', label: t('servicesAdmin.oneOff'), description: t('servicesAdmin.oneOffHelp') },
          { id: 'recurring', label: t('servicesAdmin.recurring'), description: t('servicesAdmin.recurringHelp') },
        ]}
      />
      {recurring === 'recurring' ? (
        <TextField
          name="recurringDays"
          label={t('servicesAdmin.days')}
          value={days}
          onChange={setDays}
          ltr
          inputClassName="rtl:text-right sm:max-w-40"
          isRequired
          inputProps={{ inputMode: 'numeric' }}
          validate={(v) => {
            const n = Number(toLatinDigits(v));
            return Number.isInteger(n) && n >= 1 && n <= 366
              ? null
              : t('admin.settings.range', { min: '١', max: '٣٦٦' });
          }}
        />
      ) : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">{t('servicesAdmin.documents')}</legend>
        <p className="text-xs text-slate-600">{t('servicesAdmin.documentsHelp')}</p>
        {docs.map((d, i) => (
          <div
            key={d.key}
            className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          >
            <TextField
              label={t('servicesAdmin.docAr', { n: i + 1 })}
              value={d.labelAr}
              onChange={(v) => setDocs(docs.map((x, j) => (j === i ? { ...x, labelAr: v } : x)))}
              isRequired
              validate={(v) => (v.trim().length >= 2 ? null : t('setup.settingsHelp.tooShort'))}
            />
            <TextField
              label={t('servicesAdmin.docEn')}
              value={d.labelEn}
              onChange={(v) => setDocs(docs.map((x, j) => (j === i ? { ...x, labelEn: v } : x)))}
              ltr
              isRequired
              validate={(v) => (v.trim().length >= 2 ? null : t('setup.settingsHelp.tooShort'))}
            />
            <Button
              variant="ghost"
              aria-label={t('servicesAdmin.docRemove', { label: d.labelAr })}
              onPress={() => setDocs(docs.filter((_, j) => j !== i))}
            >
              <Trash2 aria-hidden="true" className="size-4" />
            </Button>
          </div>
        ))}
        <div>
          <Button
            onPress={() => setDocs([...docs, { key: `doc_${Date.now().toString(36)}`, labelAr: '', labelEn: '' }])}
          >
            <Plus aria-hidden="true" className="size-4" />
            {t('servicesAdmin.docAdd')}
          </Button>
        </div>
      </fieldset>
      <TextAreaField
        name="eligibilityNotesAr"
        label={t('servicesAdmin.eligibility')}
        description={t('servicesAdmin.eligibilityHelp')}
        value={eligibility}
        onChange={setEligibility}
        rows={2}
      />
      <Checkbox isSelected={active} onChange={setActive}>
        {t('servicesAdmin.activeLabel')}
      </Checkbox>
      {save.isError ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {service ? t('setup.settingsHelp.save') : t('servicesAdmin.create')}
        </Button>
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
      </div>
    </Form>
  );
}
