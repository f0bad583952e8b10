import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import { CHANNELS } from '../../../common/domain/channels';
import { ApiError, errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CheckboxCards } from '../../ui/CheckboxCards';
import { Ltr, localMobile } from '../../ui/Ltr';
import { Card, Loading, PageHeader } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { Stepper } from '../../ui/Stepper';
import { TextAreaField } from '../../ui/TextAreaField';
import type { BeneficiaryFile } from '../api-types';
import {
  transition,
  useCreateApplication,
  useLocalized,
  useServiceName,
  useServices,
} from '../features/applications/queries';
import { BeneficiaryPicker } from '../features/beneficiaries/BeneficiaryPicker';
import { isClosedOrSuspended, useEnumOptions } from '../features/beneficiaries/labels';
import { useBeneficiary } from '../features/beneficiaries/queries';
import { BeneficiaryStatusBadge } from '../features/beneficiaries/StatusBadge';
import { useUser } from '../session';

/**
 * A new application (طلب التحاق), following the policy: (1) receive the beneficiary — find their file or register
 * them; (2) the services and the channel. Opening it submits it and starts verification on its own page.
 */
export default function NewApplicationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const beneficiaryId = params.get('beneficiaryId');
  const beneficiary = useBeneficiary(beneficiaryId);
  const chosen = Boolean(beneficiaryId);

  const choose = (id: string | null) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      if (id) out.set('beneficiaryId', id);
      else out.delete('beneficiaryId');
      return out;
    });

  return (
    <div className="max-w-4xl">
      <PageHeader title={t('wizard.title')} subtitle={t('wizard.subtitle')} />
      <Stepper
        label={t('wizard.stepsLabel')}
        className="mb-6"
        steps={[
          { id: 'receive', label: t('wizard.steps.receive'), state: chosen ? 'done' : 'current' },
          { id: 'services', label: t('wizard.steps.services'), state: chosen ? 'current' : 'upcoming' },
          { id: 'verify', label: t('wizard.steps.verify'), state: 'upcoming' },
        ]}
      />

      {chosen ? (
        beneficiary.isPending ? (
          <Loading label={t('app.loading')} />
        ) : beneficiary.isError ? (
          <div className="flex flex-col items-start gap-3">
            <ErrorAlert>{errorMessage(beneficiary.error)}</ErrorAlert>
            <Button onPress={() => choose(null)}>{t('wizard.change')}</Button>
          </div>
        ) : (
          <ServicesStep beneficiary={beneficiary.data} onChange={() => choose(null)} />
        )
      ) : (
        <Card>
          <h2 className="mb-4 text-base font-bold text-slate-900">{t('wizard.steps.receive')}</h2>
          <BeneficiaryPicker onChoose={(b) => choose(b.id)} registerHref="/beneficiaries/new?next=application" />
        </Card>
      )}
    </div>
  );
}

function ServicesStep({ beneficiary, onChange }: { beneficiary: BeneficiaryFile; onChange: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const [, navigate] = useLocation();
  const services = useServices(true);
  const serviceName = useServiceName();
  const localized = useLocalized();
  const enumOptions = useEnumOptions();
  const create = useCreateApplication();
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [channel, setChannel] = useState<string>(user.role === 'branch_rep' ? 'branch_rep' : 'meeting');
  const [note, setNote] = useState('');
  const [starting, setStarting] = useState(false);
  const blocked = isClosedOrSuspended(beneficiary.status);

  const duplicate =
    create.error instanceof ApiError && create.error.code === 'application.duplicate_open'
      ? (create.error.details as { id?: string; reference?: string } | undefined)
      : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { beneficiaryId: beneficiary.id, serviceIds, channel, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: async ({ id }) => {
          // Received and complete at the desk: submitted, then verification starts at once (policy step 2).
          setStarting(true);
          try {
            await transition(id, { to: 'submitted' });
            await transition(id, { to: 'verifying' });
          } catch {
            // The application exists; its page shows the stage it reached and the next step.
          }
          navigate(`/applications/${encodeURIComponent(id)}`);
        },
      },
    );
  }

  return (
    <div className="flex flex-col gap-5">
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 className="text-xs text-slate-600">{t('wizard.chosen')}</h2>
            <div className="mt-0.5 flex flex-wrap items-center gap-2">
              <Link
                href={`/beneficiaries/${beneficiary.id}`}
                className="text-base font-bold text-brand-800 underline-offset-2 hover:underline"
              >
                {beneficiary.fullName}
              </Link>
              <BeneficiaryStatusBadge status={beneficiary.status} />
            </div>
            <div className="mt-1 flex flex-wrap gap-x-4 text-sm text-slate-700">
              <span>
                {t('file.fileNumber')}: <Ltr>{beneficiary.fileNumber}</Ltr>
              </span>
              <span>
                {t('file.nationalId')}: <Ltr>{beneficiary.nationalId}</Ltr>
              </span>
              <span>
                {t('file.mobile')}: <Ltr>{localMobile(beneficiary.mobile)}</Ltr>
              </span>
            </div>
          </div>
          <Button className="min-h-9 px-3" onPress={onChange}>
            {t('wizard.change')}
          </Button>
        </div>
      </Card>

      {blocked ? <ErrorAlert>{t('wizard.inactive')}</ErrorAlert> : null}

      <Card>
        <h2 className="mb-4 text-base font-bold text-slate-900">{t('wizard.steps.services')}</h2>
        {services.isPending ? <Loading label={t('app.loading')} /> : null}
        {services.isError ? <ErrorAlert>{errorMessage(services.error)}</ErrorAlert> : null}
        {services.data ? (
          <Form onSubmit={onSubmit} className="flex flex-col gap-5">
            <CheckboxCards
              label={t('wizard.services')}
              name="serviceIds"
              value={serviceIds}
              onChange={setServiceIds}
              isRequired
              validate={(value) => (value.length > 0 ? null : t('wizard.pickService'))}
              cards={services.data.map((service) => ({
                id: service.id,
                title: serviceName(service),
                body: (
                  <>
                    <span className="block">{localized(service.descriptionAr, service.descriptionEn)}</span>
                    {service.requiredDocuments.length > 0 ? (
                      <span className="mt-2 block text-xs text-slate-700">
                        <span className="font-medium">{t('wizard.requiredDocuments')}</span>
                        <span className="mt-1 flex flex-wrap gap-1">
                          {service.requiredDocuments.map((doc) => (
                            <span key={doc.key} className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-800">
                              {localized(doc.labelAr, doc.labelEn)}
                            </span>
                          ))}
                        </span>
                      </span>
                    ) : null}
                    {service.recurringDays ? (
                      <span className="mt-1 block text-xs text-slate-600">
                        {t('wizard.everyDays', { days: format.number(service.recurringDays) })}
                      </span>
                    ) : null}
                  </>
                ),
              }))}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                label={t('wizard.channel')}
                name="channel"
                options={enumOptions('channel', CHANNELS)}
                value={channel}
                onChange={(value) => setChannel(value ?? 'meeting')}
                isRequired
              />
            </div>
            <TextAreaField
              label={t('wizard.note')}
              name="note"
              value={note}
              onChange={setNote}
              rows={2}
              maxLength={1000}
            />
            {create.isError ? (
              <ErrorAlert>
                <p>{errorMessage(create.error)}</p>
                {duplicate?.id ? (
                  <Link
                    href={`/applications/${duplicate.id}`}
                    className="mt-1 inline-block font-medium underline underline-offset-2"
                  >
                    {t('wizard.openExisting', { reference: duplicate.reference ?? '' })}
                  </Link>
                ) : null}
              </ErrorAlert>
            ) : null}
            <div>
              <Button type="submit" variant="primary" isDisabled={blocked} isPending={create.isPending || starting}>
                {create.isPending || starting ? t('wizard.creating') : t('wizard.create')}
              </Button>
            </div>
          </Form>
        ) : null}
      </Card>
    </div>
  );
}
