import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/Page';
import { ImportWizard } from '../features/imports/ImportWizard';

/** Bringing an association's existing registry in from Excel or CSV (admin and manager). */
export default function RegistryImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('registryImport.title')} subtitle={t('registryImport.subtitle')} />
      <ImportWizard />
    </>
  );
}
