import { t } from '../i18n';
import { Link } from '../router';
import { buttonClass, Heading } from '../ui';

export function NotFoundPage() {
  return (
    <div className="space-y-4">
      <Heading title={t('notFound.title')}>{t('notFound.title')}</Heading>
      <p className="text-lg">{t('notFound.text')}</p>
      <Link to="/portal" className={buttonClass('primary')}>
        {t('app.backHome')}
      </Link>
    </div>
  );
}
