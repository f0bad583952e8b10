import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../../../lib/display';
import { cx } from '../../../ui/cx';
import { Ltr } from '../../../ui/Ltr';
import {
  tableClass,
  tableWrapClass,
  tbodyClass,
  tdClass,
  tdLabelClass,
  thClass,
  theadClass,
  trClass,
} from '../../../ui/table';
import { useEnumLabel } from '../beneficiaries/labels';
import { CaseStatusBadge, PriorityBadge } from './Badges';
import { useCaseLabel } from './labels';
import { SlaBadge } from './SlaBadge';
import type { CaseSummary } from './types';

/** Who a case is from, in a few words: the caller's name, the beneficiary's file, or nobody (anonymous). */
export function CaseContact({ item }: { item: Pick<CaseSummary, 'anonymous' | 'contactName' | 'beneficiaryId'> }) {
  const { t } = useTranslation();
  if (item.anonymous) return <span className="text-slate-600">{t('cases.anonymous')}</span>;
  if (item.contactName) return <bdi>{item.contactName}</bdi>;
  if (item.beneficiaryId) {
    return (
      <Link href={`/beneficiaries/${item.beneficiaryId}`} className="text-brand-800 underline-offset-2 hover:underline">
        {t('cases.beneficiaryFile')}
      </Link>
    );
  }
  return <span className="text-slate-600">—</span>;
}

/** The inbox as a table (cards on a phone): reference, subject and who, kind, status, SLA, owner, age. */
export function CasesTable({ items, caption }: { items: CaseSummary[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCaseLabel();
  const enumLabel = useEnumLabel();
  const columns = {
    reference: t('cases.columns.reference'),
    subject: t('cases.columns.subject'),
    kind: t('cases.columns.kind'),
    status: t('cases.columns.status'),
    sla: t('cases.columns.sla'),
    owner: t('cases.columns.owner'),
    created: t('cases.columns.created'),
  };
  return (
    <div className={tableWrapClass}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead className={theadClass}>
          <tr>
            <th scope="col" className={thClass}>
              {columns.reference}
            </th>
            <th scope="col" className={thClass}>
              {columns.subject}
            </th>
            <th scope="col" className={thClass}>
              {columns.kind}
            </th>
            <th scope="col" className={thClass}>
              {columns.status}
            </th>
            <th scope="col" className={thClass}>
              {columns.sla}
            </th>
            <th scope="col" className={thClass}>
              {columns.owner}
            </th>
            <th scope="col" className={thClass}>
              {columns.created}
            </th>
          </tr>
        </thead>
        <tbody className={tbodyClass}>
          {items.map((c) => (
            <tr key={c.id} className={trClass}>
              <td className={cx(tdClass, 'whitespace-nowrap')}>
                <Link
                  href={`/cases/${c.id}`}
                  aria-label={t('cases.open', { reference: c.reference, subject: c.subject })}
                  className="font-medium text-brand-800 underline-offset-2 hover:underline"
                >
                  <Ltr>{c.reference}</Ltr>
                </Link>
              </td>
              <td className={cx(tdClass, 'max-sm:mb-1 sm:max-w-72')}>
                <span className="flex min-w-0 flex-col">
                  <span dir="auto" className="font-medium break-words text-slate-900">
                    {c.subject}
                  </span>
                  <span className="text-xs text-slate-600">
                    <CaseContact item={c} /> · {enumLabel('channel', c.channel)}
                  </span>
                </span>
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.kind}>
                <span className="flex flex-wrap items-center gap-1.5">
                  {label('kinds', c.kind)}
                  {c.priority === 'high' || c.priority === 'urgent' ? <PriorityBadge priority={c.priority} /> : null}
                </span>
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.status}>
                <CaseStatusBadge status={c.status} />
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.sla}>
                <SlaBadge sla={c.sla} resolutionDueAt={c.resolutionDueAt} status={c.status} />
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.owner}>
                {c.ownerName ? (
                  <bdi>{c.ownerName}</bdi>
                ) : (
                  <span className="text-slate-600">
                    {t('cases.unassigned')} · {label('teams', c.team)}
                  </span>
                )}
              </td>
              <td className={cx(tdClass, tdLabelClass, 'whitespace-nowrap')} data-label={columns.created}>
                <time dateTime={c.createdAt} title={format.dateTime(c.createdAt)}>
                  {format.relative(c.createdAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
