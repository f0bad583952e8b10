import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'wouter';
import { PageHeader } from '../../ui/Page';
import { RegistrationForm } from '../features/beneficiaries/RegistrationForm';

/**
 * Policy steps 1–2: register the person in front of the officer. Afterwards the file opens, or — when the
 * registration started from a new application — the application continues with this beneficiary.
 */
export default function NewBeneficiaryPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const forApplication = params.get('next') === 'application';
  return (
    <div className="max-w-4xl">
      <PageHeader title={t('registration.title')} subtitle={t('registration.subtitle')} />
      <RegistrationForm
        onRegistered={({ id }) =>
          navigate(
            forApplication
              ? `/applications/new?beneficiaryId=${encodeURIComponent(id)}`
              : `/beneficiaries/${encodeURIComponent(id)}?registered=1`,
          )
        }
      />
    </div>
  );
}
