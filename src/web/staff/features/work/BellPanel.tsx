import type { RefObject } from 'react';
import { Button, Dialog, Heading, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useFormat } from '../../../lib/display';
import { cx } from '../../../ui/cx';
import { Ltr } from '../../../ui/Ltr';
import { itemHref } from './links';
import { type StaffNotice, useMarkNoticesRead, useNotifications } from './queries';

/** The bell's list (HeaderWork.tsx), in its own chunk: it loads when the bell is first pressed. */
export default function BellPanel({
  triggerRef,
  onClose,
}: {
  triggerRef: RefObject<HTMLButtonElement | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const notices = useNotifications();
  const markRead = useMarkNoticesRead();
  const [, navigate] = useLocation();
  const unread = notices.data?.unread ?? 0;
  return (
    <Popover
      triggerRef={triggerRef}
      isOpen
      onOpenChange={(isOpen) => {
        if (!isOpen) onClose();
      }}
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
