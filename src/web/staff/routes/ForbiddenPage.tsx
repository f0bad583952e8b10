import { ShieldAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { buttonClass } from '../../ui/Button';
import { PageHeader } from '../../ui/Page';

/** Shown in place of a page the user's role may not open (the server refuses its data anyway). */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <div className="max-w-xl">
      <ShieldAlert aria-hidden="true" className="mb-3 size-10 text-amber-700" />
      <PageHeader title={t('forbidden.title')} subtitle={t('forbidden.body')} />
      <Link href="/" className={buttonClass('secondary')}>
        {t('notFound.home')}
      </Link>
    </div>
  );
}
