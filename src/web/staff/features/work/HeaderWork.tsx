import { Bell, ClipboardList } from 'lucide-react';
import { Button, Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useFormat } from '../../../lib/display';
import { cx } from '../../../ui/cx';
import { Ltr } from '../../../ui/Ltr';
import { itemHref } from './links';
import { countText, type StaffNotice, useMarkNoticesRead, useMyWork, useNotifications } from './queries';

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

/** The bell: hand-offs that reached the user (a referral answered, a decision, an assignment), newest first. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const notices = useNotifications();
  const markRead = useMarkNoticesRead();
  const [, navigate] = useLocation();
  const unread = notices.data?.unread ?? 0;
  const label = unread > 0 ? t('work.bell.unread', { n: format.number(unread) }) : t('work.bell.label');
  return (
    <DialogTrigger>
      <Button
        aria-label={label}
        data-testid="bell"
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
      <Popover
        placement="bottom end"
        className="w-[min(24rem,calc(100vw-1rem))] rounded-lg border border-slate-200 bg-white shadow-xl"
      >
        <Dialog className="outline-none" aria-label={t('work.bell.title')}>
          {({ close }) => (
            <>
              <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-2">
                <Heading slot="title" className="font-bold text-slate-900">
                  {t('work.bell.title')}
                </Heading>
                {unread > 0 ? (
                  <Button
                    className="cursor-pointer rounded px-2 py-1 text-sm text-brand-800 hover:bg-brand-50"
                    onPress={() => markRead.mutate({ all: true })}
                  >
                    {t('work.bell.markAll')}
                  </Button>
                ) : null}
              </div>
              {notices.data && notices.data.items.length === 0 ? (
                <p className="px-4 py-4 text-slate-600">{t('work.bell.empty')}</p>
              ) : null}
              <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
                {(notices.data?.items ?? []).map((n) => (
                  <li key={n.id}>
                    <Button
                      className={cx(
                        'flex w-full cursor-pointer flex-col items-start gap-0.5 px-4 py-2.5 text-start hover:bg-brand-50/50',
                        n.readAt ? 'text-slate-700' : 'bg-brand-50/30 font-medium text-slate-900',
                      )}
                      onPress={() => {
                        if (!n.readAt) markRead.mutate({ ids: [n.id] });
                        const href = itemHref({ entityType: n.entityType, id: n.entityId, dueAt: null });
                        close();
                        if (href) navigate(href);
                      }}
                    >
                      <NoticeText notice={n} />
                      <span className="text-xs font-normal text-slate-600">
                        {n.readAt ? null : <span className="me-1 text-red-700">● {t('work.bell.new')}</span>}
                        <time dateTime={n.createdAt}>{format.relative(n.createdAt)}</time>
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

function NoticeText({ notice }: { notice: StaffNotice }) {
  const { t } = useTranslation();
  const actor = notice.actorName ?? t('work.notice.someone');
  const decision =
    notice.kind === 'application_decided' && notice.detail
      ? t(`work.decision.${notice.detail}` as 'work.decision.accepted', { defaultValue: notice.detail })
      : '';
  const text = t(`work.notice.${notice.kind}` as 'work.notice.referral_answered', {
    actor,
    reference: '\u0000',
    decision,
    defaultValue: notice.kind,
  });
  const [before, after] = text.split('\u0000');
  return (
    <span className="flex flex-col">
      <span>
        {before}
        <Ltr>{notice.reference}</Ltr>
        {after ?? ''}
      </span>
      {notice.kind === 'referral_answered' && notice.detail ? (
        <span className="text-sm font-normal text-slate-700">«{notice.detail}»</span>
      ) : null}
    </span>
  );
}
