import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/Page';
import { DuplicateRulesForm } from '../features/imports/DuplicateRulesForm';

/** The duplicate rules' weights and threshold (admin). */
export default function DuplicateRulesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('duplicateRules.title')} subtitle={t('duplicateRules.subtitle')} />
      <DuplicateRulesForm />
    </>
  );
}
