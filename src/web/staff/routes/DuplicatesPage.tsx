import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/Page';
import { DuplicatesReview } from '../features/imports/DuplicatesReview';

/** The review queue of files suspected to be one person (manager). */
export default function DuplicatesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('duplicates.title')} subtitle={t('duplicates.subtitle')} />
      <DuplicatesReview />
    </>
  );
}
