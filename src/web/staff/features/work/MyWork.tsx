import { ChevronLeft, Inbox } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Ltr } from '../../../ui/Ltr';
import { Loading } from '../../../ui/Page';
import { StageBadge } from '../applications/StageBadge';
import { itemHref, KIND_LIST } from './links';
import { countText, useMyWork, type WorkGroup, type WorkItem } from './queries';

const STATUS_TONE: Record<string, BadgeTone> = {
  waiting: 'warning',
  answered: 'success',
  started: 'success',
  scheduled: 'info',
  breached: 'danger',
  at_risk: 'warning',
};

/**
 * My work (عملي) on the home page: everything waiting on the signed-in user, by kind, the longest waiting
 * first, each kind with its count and its first items, and a link to the full list.
 */
export function MyWork() {
  const { t } = useTranslation();
  const format = useFormat();
  const work = useMyWork();

  return (
    <section aria-labelledby="my-work" className="mb-8">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="my-work" className="text-lg font-bold text-slate-900">
          {t('work.title')}
        </h2>
        {work.data ? (
          <p className="text-slate-700" data-testid="work-total">
            {work.data.total === 0
              ? t('work.nothing')
              : t('work.total', { n: countText(format.number, work.data.total, work.data.totalCapped) })}
          </p>
        ) : null}
      </div>
      {work.isPending ? <Loading label={t('app.loading')} /> : null}
      {work.isError ? (
        <div className="flex flex-col items-start gap-3">
          <ErrorAlert>
            {t('work.loadError')} {errorMessage(work.error)}
          </ErrorAlert>
          <Button onPress={() => void work.refetch()}>{t('app.retry')}</Button>
        </div>
      ) : null}
      {work.data ? (
        <ul className="grid gap-3 lg:grid-cols-2">
          {work.data.kinds
            .filter((group) => group.count > 0)
            .map((group) => (
              <WorkCard key={group.kind} group={group} />
            ))}
        </ul>
      ) : null}
      {work.data?.kinds.every((g) => g.count === 0) ? (
        <p className="flex items-center gap-2 rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
          <Inbox aria-hidden="true" className="size-5 text-slate-500" />
          {t('work.nothing')}
        </p>
      ) : null}
    </section>
  );
}

function WorkCard({ group }: { group: WorkGroup }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = KIND_LIST[group.kind];
  const headingId = `work-${group.kind}`;
  return (
    <li className="min-w-0 rounded-lg border border-slate-200 bg-white" data-kind={group.kind}>
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <h3 id={headingId} className="min-w-0 font-bold text-slate-900">
          {t(`work.kinds.${group.kind}`)}
        </h3>
        <span className="flex shrink-0 items-center gap-2">
          {group.countsTowardTotal ? null : <span className="text-xs text-slate-600">{t('work.infoOnly')}</span>}
          <span
            className="min-w-7 rounded-full bg-brand-700 px-2 py-0.5 text-center text-sm font-bold text-white"
            data-testid={`count-${group.kind}`}
          >
            {countText(format.number, group.count, group.capped)}
          </span>
        </span>
      </div>
      <ul aria-labelledby={headingId} className="divide-y divide-slate-100">
        {group.items.map((item) => (
          <WorkRow key={`${item.entityType}:${item.id}:${item.detail ?? ''}`} item={item} kind={group.kind} />
        ))}
      </ul>
      {list && group.count > group.items.length ? (
        <div className="border-t border-slate-100 px-4 py-2">
          <Link href={list} className="text-sm font-medium text-brand-800 underline-offset-2 hover:underline">
            {t('work.showAll', { n: countText(format.number, group.count, group.capped) })}
          </Link>
        </div>
      ) : null}
    </li>
  );
}

function WorkRow({ item, kind }: { item: WorkItem; kind: WorkGroup['kind'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const href = itemHref(item);
  const isStage = item.entityType === 'application' && kind !== 'referrals_sent' && kind !== 'inspections_mine';
  const statusKey = `work.status.${item.status}` as const;
  const status = isStage ? (
    <StageBadge stage={item.status} />
  ) : item.entityType === 'case' && kind !== 'referrals_sent' && kind !== 'cases_at_risk' ? (
    <Badge tone="neutral">
      {t(`cases.statuses.${item.status}` as 'cases.statuses.new', { defaultValue: item.status })}
    </Badge>
  ) : item.entityType === 'task' || (item.entityType !== 'meeting' && kind === 'tasks') ? null : (
    <Badge tone={STATUS_TONE[item.status] ?? 'neutral'}>
      {t(statusKey as 'work.status.waiting', { defaultValue: item.status })}
    </Badge>
  );
  const due = item.dueAt ? (item.dueAt.length === 10 ? format.dual(item.dueAt) : format.dateTime(item.dueAt)) : null;
  const body = (
    <>
      <span className="flex min-w-0 flex-col">
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          {item.reference ? (
            <span className="font-medium text-slate-900">
              <Ltr>{item.reference}</Ltr>
            </span>
          ) : null}
          <span className="min-w-0 truncate text-slate-800">{item.title}</span>
        </span>
        <span className="text-xs text-slate-600">
          <time dateTime={item.since}>{t('work.since', { when: format.relative(item.since) })}</time>
          {due ? <> · {t('work.due', { date: due })}</> : null}
          {kind === 'committee_meetings' && item.detail ? (
            <> · {t('work.meetingItems', { n: format.number(Number(item.detail)) })}</>
          ) : null}
        </span>
        {kind === 'referrals_sent' || kind === 'referrals_received' ? (
          item.detail ? (
            <span className="mt-0.5 text-sm text-slate-700">«{item.detail}»</span>
          ) : null
        ) : null}
      </span>
      <span className="flex shrink-0 items-center gap-2">
        {status}
        {href ? <ChevronLeft aria-hidden="true" className="size-4 text-brand-700 ltr:-scale-x-100" /> : null}
      </span>
    </>
  );
  return (
    <li>
      {href ? (
        <Link href={href} className="flex items-center justify-between gap-3 px-4 py-2.5 hover:bg-brand-50/40">
          {body}
        </Link>
      ) : (
        <div className="flex items-center justify-between gap-3 px-4 py-2.5">{body}</div>
      )}
    </li>
  );
}
