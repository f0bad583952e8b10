import { Rocket } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../../../lib/display';
import { hasPermission, useUser } from '../../session';
import { useSetupChecklist } from './setup-api';

/** On the admin's home page until the first-run checklist is complete. */
export function SetupBanner() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const isAdmin = hasPermission(user, 'settings.manage');
  const checklist = useSetupChecklist(isAdmin);
  if (!isAdmin || !checklist.data || checklist.data.complete) return null;
  return (
    <div className="mb-6 flex flex-wrap items-center gap-3 rounded-lg border border-brand-200 bg-brand-50 p-4">
      <Rocket aria-hidden="true" className="size-5 shrink-0 text-brand-800" />
      <p className="min-w-0 flex-1 font-medium text-brand-950">
        {t('setup.banner', { done: format.number(checklist.data.done), total: format.number(checklist.data.total) })}
      </p>
      <Link href="/admin/setup" className="font-bold text-brand-800 underline underline-offset-2">
        {t('setup.bannerLink')}
      </Link>
    </div>
  );
}
