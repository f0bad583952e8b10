import {
  ClipboardList,
  Gavel,
  type LucideIcon,
  MessagesSquare,
  PhoneCall,
  PhoneIncoming,
  PhoneOutgoing,
  Truck,
} from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { Ltr } from '../../../ui/Ltr';
import { Loading } from '../../../ui/Page';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { StageBadge } from '../applications/StageBadge';
import { useEnumLabel } from '../beneficiaries/labels';
import { CaseStatusBadge } from '../cases/Badges';
import { useCaseLabel } from '../cases/labels';
import type { ChosenBeneficiary } from './ContactChooser';
import { openLogInteraction } from './log-store';
import { useTimeline } from './queries';
import type { TimelineItem } from './types';
import { UnlinkedContacts } from './UnlinkedContacts';

const FILTERS = ['all', 'interaction', 'application', 'case', 'delivery'] as const;
type Filter = (typeof FILTERS)[number];

const DELIVERY_TONE: Record<string, BadgeTone> = {
  scheduled: 'info',
  delivered: 'success',
  failed: 'danger',
  cancelled: 'neutral',
};

function matches(item: TimelineItem, filter: Filter): boolean {
  if (filter === 'all') return true;
  if (filter === 'application') return item.type === 'application' || item.type === 'decision';
  return item.type === filter;
}

/**
 * The file's one timeline (الخط الزمني), newest first: contacts on every channel, application steps and the
 * committee's decisions, cases and deliveries — with "log a contact" at hand.
 */
export function BeneficiaryTimeline({
  beneficiary,
  mobile,
  canLog,
}: {
  beneficiary: ChosenBeneficiary;
  /** The file's mobile (E.164): earlier contacts from it, logged before the person was known, can be linked. */
  mobile: string;
  canLog: boolean;
}) {
  const { t } = useTranslation();
  const timeline = useTimeline(beneficiary.id);
  const [filter, setFilter] = useState<Filter>('all');
  const items = (timeline.data ?? []).filter((item) => matches(item, filter));

  return (
    <section aria-labelledby="timeline-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="timeline-title" className="text-base font-bold text-slate-900">
          {t('interactions.timeline.title')}
        </h2>
        {canLog ? (
          <Button className="min-h-9 px-3" onPress={() => openLogInteraction({ beneficiary })}>
            <PhoneCall aria-hidden="true" className="size-4" />
            {t('interactions.log.open')}
          </Button>
        ) : null}
      </div>
      {canLog ? <UnlinkedContacts beneficiaryId={beneficiary.id} mobile={mobile} /> : null}
      <SegmentedControl
        label={t('interactions.timeline.filterLabel')}
        value={filter}
        onChange={(value) => setFilter(FILTERS.find((f) => f === value) ?? 'all')}
        segments={FILTERS.map((f) => ({ id: f, label: t(`interactions.timeline.filters.${f}`) }))}
      />
      {timeline.isPending ? <Loading label={t('app.loading')} /> : null}
      {timeline.isError ? <ErrorAlert>{errorMessage(timeline.error)}</ErrorAlert> : null}
      {timeline.data && items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
          {t('interactions.timeline.empty')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ol className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
          {items.map((item) => (
            <Entry key={`${item.type}-${item.id}`} item={item} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function Entry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const caseLabel = useCaseLabel();

  let icon: LucideIcon = MessagesSquare;
  let tone = 'bg-slate-100 text-slate-700';
  let title: ReactNode = null;
  let badge: ReactNode = null;
  let text: string | null = null;
  const meta: { key: string; node: ReactNode }[] = [];
  const deliveryStatuses = t('interactions.timeline.deliveryStatuses', { returnObjects: true }) as unknown as Record<
    string,
    string
  >;

  switch (item.type) {
    case 'interaction':
      icon = item.channel === 'phone' ? (item.direction === 'inbound' ? PhoneIncoming : PhoneOutgoing) : MessagesSquare;
      tone = 'bg-brand-50 text-brand-800';
      title = t(`interactions.timeline.contact.${item.direction}`, { channel: enumLabel('channel', item.channel) });
      text = item.text;
      if (item.by) meta.push({ key: 'by', node: <bdi>{item.by}</bdi> });
      break;
    case 'application':
    case 'decision':
      icon = item.type === 'decision' ? Gavel : ClipboardList;
      tone = item.type === 'decision' ? 'bg-emerald-50 text-emerald-800' : 'bg-slate-100 text-slate-700';
      title = (
        <>
          {item.type === 'decision' ? t('interactions.timeline.decision') : t('interactions.timeline.application')}{' '}
          <Ltr>{item.reference}</Ltr>
        </>
      );
      badge = <StageBadge stage={item.toStage} />;
      text = item.text;
      if (item.by) meta.push({ key: 'by', node: <bdi>{item.by}</bdi> });
      meta.push({ key: 'via', node: t('interactions.timeline.via', { channel: enumLabel('channel', item.channel) }) });
      break;
    case 'case':
      icon = MessagesSquare;
      tone = 'bg-amber-50 text-amber-900';
      title = (
        <Link href={`/cases/${item.id}`} className="text-brand-800 underline-offset-2 hover:underline">
          {caseLabel('kinds', item.kind)} <Ltr>{item.reference}</Ltr>
        </Link>
      );
      badge = <CaseStatusBadge status={item.status} />;
      text = item.text;
      break;
    case 'delivery':
      icon = Truck;
      tone = 'bg-sky-50 text-sky-900';
      title = t('interactions.timeline.delivery', { service: item.service });
      badge = (
        <Badge tone={DELIVERY_TONE[item.status] ?? 'neutral'}>{deliveryStatuses[item.status] ?? item.status}</Badge>
      );
      meta.push({ key: 'date', node: t('interactions.timeline.scheduledFor', { date: format.dual(item.date) }) });
      text = item.status === 'failed' ? item.text : null;
      break;
  }
  const Icon = icon;

  return (
    <li className="relative flex gap-3 pb-4 last:pb-0">
      <span aria-hidden="true" className={cx('flex size-8 shrink-0 items-center justify-center rounded-full', tone)}>
        <Icon className="size-4" />
      </span>
      <div className="min-w-0 flex-1 border-b border-slate-100 pb-3">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-900">{title}</span>
          {badge}
        </div>
        <p className="mt-0.5 flex flex-wrap gap-x-1 text-xs text-slate-600">
          <time dateTime={item.at} title={format.dateTime(item.at)}>
            {format.relative(item.at)}
          </time>
          {meta.map((m) => (
            <span key={m.key}>· {m.node}</span>
          ))}
        </p>
        {text ? (
          <p dir="auto" className="mt-1 break-words whitespace-pre-line text-slate-800">
            {text}
          </p>
        ) : null}
      </div>
    </li>
  );
}
