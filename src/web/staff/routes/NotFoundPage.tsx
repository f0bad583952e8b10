import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { buttonClass } from '../../ui/Button';
import { PageHeader } from '../../ui/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="max-w-xl">
      <PageHeader title={t('notFound.title')} subtitle={t('notFound.body')} />
      <Link href="/" className={buttonClass('secondary')}>
        {t('notFound.home')}
      </Link>
    </div>
  );
}
