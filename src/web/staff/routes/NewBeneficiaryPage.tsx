import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'wouter';
import { toLatinDigits } from '../../../common/arabic';
import { errorMessage } from '../../lib/api';
import { ErrorAlert } from '../../ui/Alert';
import { Loading, PageHeader } from '../../ui/Page';
import { RegistrationForm, type RegistrationPrefill } from '../features/beneficiaries/RegistrationForm';
import { type RegistrationDraft, useCompleteDraft, useRegistrationDraft } from '../features/field/queries';

/** The draft's answers as the form's fields: the mobile as typed locally, the pin as text. */
function prefillOf(draft: RegistrationDraft): RegistrationPrefill {
  const d = draft.data;
  const local = /^\+966(5\d{8})$/.exec(d.mobile ?? '');
  return {
    firstName: d.firstName ?? '',
    familyName: d.familyName ?? '',
    nationalId: d.nationalId ?? '',
    mobile: local ? `0${local[1]}` : toLatinDigits(d.mobile ?? ''),
    district: d.district ?? '',
    peopleAtHome: d.peopleAtHome !== undefined ? String(d.peopleAtHome) : '',
    pin: d.location ? { lat: String(d.location.lat), lng: String(d.location.lng) } : { lat: '', lng: '' },
    // The household was met by the branch representative.
    channel: 'branch_rep',
  };
}

/**
 * Policy steps 1–2: register the person in front of the officer. Afterwards the file opens, or — when the
 * registration started from a new application — the application continues with this beneficiary. Started from
 * a registration draft of the field app, the form opens filled with the draft, and registering closes the draft.
 */
export default function NewBeneficiaryPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const forApplication = params.get('next') === 'application';
  const draftId = params.get('fromDraft');
  const draft = useRegistrationDraft(draftId);
  const complete = useCompleteDraft();
  const open = (id: string) =>
    navigate(
      forApplication
        ? `/applications/new?beneficiaryId=${encodeURIComponent(id)}`
        : `/beneficiaries/${encodeURIComponent(id)}?registered=1`,
    );
  return (
    <div className="max-w-4xl">
      <PageHeader title={t('registration.title')} subtitle={t('registration.subtitle')} />
      {draftId && draft.isPending ? <Loading label={t('app.loading')} /> : null}
      {draftId && draft.isError ? <ErrorAlert className="mb-4">{errorMessage(draft.error)}</ErrorAlert> : null}
      {draft.data ? (
        <p
          className="mb-4 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900"
          data-testid="from-draft"
        >
          {draft.data.status === 'open'
            ? t('fieldDrafts.fromDraft', { name: draft.data.createdByName ?? '' })
            : t('fieldDrafts.draftClosed')}
        </p>
      ) : null}
      {!draftId || draft.data || draft.isError ? (
        <RegistrationForm
          key={draft.data?.id ?? 'blank'}
          initial={draft.data ? prefillOf(draft.data) : undefined}
          onRegistered={({ id }) => {
            // The file exists either way; closing the draft is done on the way to it.
            if (draft.data?.status === 'open') {
              complete.mutate({ id: draft.data.id, beneficiaryId: id }, { onSettled: () => open(id) });
            } else open(id);
          }}
        />
      ) : null}
    </div>
  );
}
