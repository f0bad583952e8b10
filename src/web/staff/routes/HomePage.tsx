import { ChevronLeft, type LucideIcon, UserCog } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { riyadhDate } from '../../../common/dates';
import { useFormat } from '../../lib/display';
import { Badge } from '../../ui/Badge';
import { Named } from '../../ui/Named';
import { Card, PageHeader } from '../../ui/Page';
import { CAPABILITIES } from '../capabilities';
import { SetupBanner } from '../features/admin/SetupBanner';
import { MyWork } from '../features/work/MyWork';
import { useBranchName } from '../queries';
import { hasPermission, useUser } from '../session';

/** The signed-in person's start page: who and where they are, today's date, and what their role may do. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const branchName = useBranchName();
  const now = new Date();
  const capabilities = CAPABILITIES.filter((c) => hasPermission(user, c.permission));

  return (
    <>
      <PageHeader title={<Named k="home.greeting" name={user.displayName} />} documentTitle={t('home.title')} />
      <SetupBanner />
      <Card className="mb-6">
        <dl className="grid gap-4 sm:grid-cols-3">
          <Fact label={t('home.role')}>{t(`roles.${user.role}`)}</Fact>
          <Fact label={t('home.branch')}>{branchName(user.branchId) ?? t('home.noBranch')}</Fact>
          <Fact label={t('home.today')}>
            <time dateTime={riyadhDate(now)}>{format.dual(now)}</time>
          </Fact>
        </dl>
      </Card>

      <MyWork />

      <section aria-labelledby="can-do">
        <h2 id="can-do" className="text-lg font-bold text-slate-900">
          {t('home.canDo')}
        </h2>
        <p className="mt-1 mb-4 text-slate-600">{t('home.canDoHint')}</p>
        {capabilities.length === 0 ? <p className="text-slate-700">{t('home.nothing')}</p> : null}
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {capabilities.map((c) => (
            <CapabilityCard
              key={c.permission}
              icon={c.icon}
              title={t(c.title)}
              description={t(c.description)}
              href={'href' in c ? c.href : undefined}
            />
          ))}
          <CapabilityCard
            icon={UserCog}
            title={t('home.profileCard.title')}
            description={t('home.profileCard.description')}
            href="/settings/profile"
          />
        </ul>
      </section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function CapabilityCard({
  icon: Icon,
  title,
  description,
  href,
}: {
  icon: LucideIcon;
  title: string;
  description: string;
  href?: string;
}) {
  const { t } = useTranslation();
  const body = (
    <>
      <div className="flex items-start justify-between gap-2">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700">
          <Icon aria-hidden="true" className="size-5" />
        </span>
        {href ? (
          <ChevronLeft aria-hidden="true" className="size-5 text-brand-700 ltr:-scale-x-100" />
        ) : (
          <Badge tone="neutral">{t('app.comingSoon')}</Badge>
        )}
      </div>
      <h3 className="mt-3 font-bold text-slate-900">{title}</h3>
      <p className="mt-1 text-slate-600">{description}</p>
    </>
  );
  return (
    <li className="flex">
      {href?.startsWith('/field/') ? (
        <a
          href={href}
          className="block w-full rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-300 hover:bg-brand-50/40"
        >
          {body}
        </a>
      ) : href ? (
        <Link
          href={href}
          className="block w-full rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-300 hover:bg-brand-50/40"
        >
          {body}
        </Link>
      ) : (
        <div className="w-full rounded-lg border border-dashed border-slate-300 bg-white/60 p-4">{body}</div>
      )}
    </li>
  );
}
