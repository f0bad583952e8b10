import { t } from '../i18n';
import { Link } from '../router';
import { buttonClass, Heading } from '../ui';

/** Surveys are answered here once that part is built; until then the link says plainly that it is not open. */
export function SurveyPage() {
  return (
    <div className="space-y-4">
      <Heading title={t('survey.title')}>{t('survey.title')}</Heading>
      <p className="text-lg">{t('survey.text')}</p>
      <Link to="/portal" className={buttonClass('primary')}>
        {t('app.backHome')}
      </Link>
    </div>
  );
}

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
