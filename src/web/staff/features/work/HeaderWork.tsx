import { Bell, ClipboardList } from 'lucide-react';
import { Suspense, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../../../lib/display';
import { lazyPage } from '../../../lib/i18n';
import { cx } from '../../../ui/cx';
import { countText, useMyWork, useNotifications } from './queries';

// Through lazyPage: the panel's strings (work.notice.*) are outside the first download's core.
const BellPanel = lazyPage(() => import('./BellPanel'));

/** The header's count of what waits on the user (a link to My work on the home page). */
export function WorkCount() {
  const { t } = useTranslation();
  const format = useFormat();
  const work = useMyWork();
  const total = work.data?.total ?? 0;
  const shown = countText(format.number, total, work.data?.totalCapped ?? false);
  const label = t('work.headerLink', { n: shown });
  return (
    <Link
      href="/"
      aria-label={label}
      title={label}
      className="relative flex min-h-10 items-center gap-1.5 rounded-md px-2 text-slate-700 hover:bg-slate-100"
      data-testid="header-work"
    >
      <ClipboardList aria-hidden="true" className="size-5" />
      <span className="max-lg:sr-only">{t('work.title')}</span>
      <span
        aria-hidden="true"
        data-testid="header-work-count"
        className={cx(
          'min-w-6 rounded-full px-1.5 text-center text-xs font-bold',
          total > 0 ? 'bg-brand-700 text-white' : 'bg-slate-200 text-slate-700',
        )}
      >
        {shown}
      </span>
    </Link>
  );
}

/**
 * The bell: hand-offs that reached the user (a referral answered, a decision, an assignment), newest first. The
 * list opens in a popover whose code (React Aria's overlays) loads on the first press, not with every page (issue 19).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const notices = useNotifications();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const unread = notices.data?.unread ?? 0;
  const label = unread > 0 ? t('work.bell.unread', { n: format.number(unread) }) : t('work.bell.label');
  return (
    <>
      <Button
        ref={trigger}
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="bell"
        onPress={() => setOpen(!open)}
        className="relative flex size-10 cursor-pointer items-center justify-center rounded-md text-slate-700 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand-600"
      >
        <Bell aria-hidden="true" className="size-5" />
        {unread > 0 ? (
          <span
            aria-hidden="true"
            data-testid="bell-count"
            className="absolute -top-0.5 end-0 min-w-5 rounded-full bg-red-700 px-1 text-center text-[11px] leading-5 font-bold text-white"
          >
            {format.number(unread)}
          </span>
        ) : null}
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <BellPanel triggerRef={trigger} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
