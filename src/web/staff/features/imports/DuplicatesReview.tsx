import { Ban, Clock, GitMerge, RefreshCw, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatSaudiMobileLocal } from '../../../../common/saudi';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Ltr } from '../../../ui/Ltr';
import { Loading } from '../../../ui/Page';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { Tabs } from '../../../ui/Tabs';
import { useEnumLabel } from '../beneficiaries/labels';
import {
  type Pair,
  type PairDetail,
  useDecidePair,
  useMergePair,
  usePair,
  usePairs,
  useSweep,
  useUndoMerge,
} from './queries';

const STATUSES: Pair['status'][] = ['open', 'later', 'merged', 'not_same'];
/** Fields the reviewer chooses between, with the merge field each one sets. */
const COMPARED = [
  ['firstName', 'firstName'],
  ['fatherName', 'fatherName'],
  ['grandfatherName', 'grandfatherName'],
  ['familyName', 'familyName'],
  ['gender', 'gender'],
  ['birthDate', 'birthDate'],
  ['mobile', 'mobile'],
  ['mobile2', 'mobile2'],
  ['district', 'district'],
  ['housing', 'housing'],
] as const;

const LTR_FIELDS = new Set<string>(['birthDate', 'mobile', 'mobile2']);

/** The review queue: suspected pairs by status; one pair opened side by side to merge, dismiss or postpone. */
export function DuplicatesReview() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<Pair['status']>('open');
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [lastMerge, setLastMerge] = useState<string | null>(null);
  const sweep = useSweep();
  const undo = useUndoMerge();

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          isPending={sweep.isPending}
          onPress={() =>
            sweep.mutate(undefined, {
              onSuccess: (r) =>
                setNotice(t('duplicates.swept', { found: format.number(r.found), added: format.number(r.added) })),
            })
          }
        >
          <RefreshCw aria-hidden="true" className="size-4" />
          {sweep.isPending ? t('duplicates.sweeping') : t('duplicates.sweep')}
        </Button>
        {lastMerge ? (
          <Button
            isPending={undo.isPending}
            onPress={() =>
              undo.mutate(lastMerge, {
                onSuccess: () => {
                  setLastMerge(null);
                  setNotice(t('duplicates.undone'));
                },
              })
            }
          >
            <Undo2 aria-hidden="true" className="size-4" />
            {t('duplicates.undo')}
          </Button>
        ) : null}
      </div>
      <SuccessNotice>{notice}</SuccessNotice>
      {undo.isError ? <ErrorAlert>{errorMessage(undo.error)}</ErrorAlert> : null}
      <Tabs
        label={t('duplicates.title')}
        selectedKey={status}
        onSelectionChange={(key) => {
          setStatus(key as Pair['status']);
          setSelected(null);
        }}
        items={STATUSES.map((s) => ({
          id: s,
          label: t(`duplicates.tabs.${s}`),
          content: (
            <PairList
              status={s}
              selected={selected}
              onSelect={setSelected}
              onMerged={(mergeId, message) => {
                setLastMerge(mergeId);
                setNotice(message);
                setSelected(null);
              }}
              onDecided={() => {
                setNotice(t('duplicates.decided'));
                setSelected(null);
              }}
            />
          ),
        }))}
      />
    </div>
  );
}

function PairList({
  status,
  selected,
  onSelect,
  onMerged,
  onDecided,
}: {
  status: Pair['status'];
  selected: string | null;
  onSelect: (id: string | null) => void;
  onMerged: (mergeId: string, message: string) => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const pairs = usePairs(status);
  if (pairs.isPending) return <Loading label={t('app.loading')} />;
  if (pairs.isError) return <ErrorAlert>{errorMessage(pairs.error)}</ErrorAlert>;
  if (pairs.data.items.length === 0) return <p className="py-4 text-slate-700">{t('duplicates.empty')}</p>;
  return (
    <ul className="flex flex-col gap-3 pt-3">
      {pairs.data.items.map((pair) => (
        <li key={pair.id} className="rounded-lg border border-slate-200 bg-white p-3">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="grid min-w-0 flex-1 gap-2 sm:grid-cols-2">
              {[pair.a, pair.b].map((side) => (
                <div key={side.id} className="min-w-0">
                  <Link
                    href={`/beneficiaries/${side.id}`}
                    className="font-bold text-brand-800 underline-offset-2 hover:underline"
                  >
                    <bdi>{side.fullName}</bdi>
                  </Link>
                  <p className="text-xs text-slate-600">
                    <Ltr>{side.fileNumber}</Ltr> · <Ltr>{side.mobileLocal}</Ltr> · {side.district}
                  </p>
                </div>
              ))}
            </div>
            <div className="flex flex-col items-end gap-2">
              <Badge tone={pair.score >= 80 ? 'danger' : 'warning'}>
                {t('duplicates.score')} {format.number(pair.score)}
              </Badge>
              {status === 'open' || status === 'later' ? (
                <Button
                  onPress={() => onSelect(selected === pair.id ? null : pair.id)}
                  aria-expanded={selected === pair.id}
                >
                  {t('duplicates.compare')}
                </Button>
              ) : null}
            </div>
          </div>
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {pair.reasons.map((r) => (
              <li key={r}>
                <Badge tone="info">{t(`duplicates.reasons.${r}` as 'duplicates.reasons.same_mobile')}</Badge>
              </li>
            ))}
          </ul>
          {selected === pair.id ? <Compare id={pair.id} onMerged={onMerged} onDecided={onDecided} /> : null}
        </li>
      ))}
    </ul>
  );
}

function Compare({
  id,
  onMerged,
  onDecided,
}: {
  id: string;
  onMerged: (mergeId: string, message: string) => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const detail = usePair(id);
  const merge = useMergePair();
  const decide = useDecidePair();
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [choice, setChoice] = useState<Record<string, 'a' | 'b'>>({});
  if (detail.isPending) return <Loading label={t('app.loading')} />;
  if (detail.isError) return <ErrorAlert>{errorMessage(detail.error)}</ErrorAlert>;
  const d: PairDetail = detail.data;
  const sideOf = (s: 'a' | 'b') => (s === 'a' ? d.pair.a : d.pair.b);

  function doMerge() {
    const fields: Record<string, 'kept' | 'merged'> = {};
    for (const [, field] of COMPARED) {
      const side = choice[field] ?? keep;
      fields[field] = side === keep ? 'kept' : 'merged';
    }
    // mutateAsync: the answer arrives after the queue has refreshed and this panel may be gone.
    merge
      .mutateAsync({ id, keep, fields })
      .then((r) =>
        onMerged(
          r.mergeId,
          t('duplicates.merged', {
            merged: sideOf(keep === 'a' ? 'b' : 'a').fileNumber,
            kept: sideOf(keep).fileNumber,
          }),
        ),
      )
      .catch(() => {});
  }

  function doDecide(decision: 'not_same' | 'later') {
    decide
      .mutateAsync({ id, decision })
      .then(onDecided)
      .catch(() => {});
  }

  return (
    <div className="mt-4 border-t border-slate-200 pt-4">
      <SegmentedControl
        label={t('duplicates.keep')}
        value={keep}
        onChange={(v) => setKeep(v as 'a' | 'b')}
        segments={(['a', 'b'] as const).map((s) => ({
          id: s,
          label: t('duplicates.keepThis', { file: sideOf(s).fileNumber }),
          tone: 'info' as const,
        }))}
      />
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{t('duplicates.compare')}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-2 py-2 text-start">
                {t('duplicates.field')}
              </th>
              <th scope="col" className="px-2 py-2 text-start">
                <Ltr>{d.pair.a.fileNumber}</Ltr>
              </th>
              <th scope="col" className="px-2 py-2 text-start">
                <Ltr>{d.pair.b.fileNumber}</Ltr>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {COMPARED.map(([label, field]) => {
              const shown = (v: string | null) =>
                field === 'gender' || field === 'housing'
                  ? enumLabel(field, v)
                  : field === 'mobile' || field === 'mobile2'
                    ? v
                      ? formatSaudiMobileLocal(v)
                      : '—'
                    : (v ?? '—');
              const va = shown(d.a.fields[field]);
              const vb = shown(d.b.fields[field]);
              const chosen = choice[field] ?? keep;
              return (
                <tr key={field} className={va === vb ? '' : 'bg-amber-50/60'}>
                  <th scope="row" className="px-2 py-1.5 text-start font-medium text-slate-700">
                    {t(`duplicates.fields.${label}`)}
                  </th>
                  {(['a', 'b'] as const).map((s) => (
                    <td key={s} className="px-2 py-1.5">
                      <label className="flex items-center gap-2">
                        <input
                          type="radio"
                          name={`${id}-${field}`}
                          checked={chosen === s}
                          disabled={va === vb}
                          onChange={() => setChoice((c) => ({ ...c, [field]: s }))}
                          className="size-4 accent-brand-700"
                        />
                        {LTR_FIELDS.has(field) ? <Ltr>{s === 'a' ? va : vb}</Ltr> : <bdi>{s === 'a' ? va : vb}</bdi>}
                      </label>
                    </td>
                  ))}
                </tr>
              );
            })}
            <tr>
              <th scope="row" className="px-2 py-1.5 text-start font-medium text-slate-700">
                {t('duplicates.household')}
              </th>
              {[d.a, d.b].map((side) => (
                <td key={side.fields.id} className="px-2 py-1.5 text-slate-800">
                  {side.household.map((m) => m.name).join('، ') || '—'}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row" className="px-2 py-1.5 text-start font-medium text-slate-700">
                {t('duplicates.applications')}
              </th>
              {[d.a, d.b].map((side) => (
                <td key={side.fields.id} className="px-2 py-1.5 text-xs text-slate-700">
                  {t('duplicates.counts', {
                    applications: format.number(side.counts.applications),
                    documents: format.number(side.counts.documents),
                    interactions: format.number(side.counts.interactions),
                    cases: format.number(side.counts.cases),
                    deliveries: format.number(side.counts.deliveries),
                  })}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {merge.isError ? <ErrorAlert className="mt-3">{errorMessage(merge.error)}</ErrorAlert> : null}
      {decide.isError ? <ErrorAlert className="mt-3">{errorMessage(decide.error)}</ErrorAlert> : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="primary" isPending={merge.isPending} onPress={doMerge}>
          <GitMerge aria-hidden="true" className="size-4" />
          {merge.isPending ? t('duplicates.merging') : t('duplicates.merge')}
        </Button>
        <Button onPress={() => doDecide('not_same')}>
          <Ban aria-hidden="true" className="size-4" />
          {t('duplicates.notSame')}
        </Button>
        <Button variant="ghost" onPress={() => doDecide('later')}>
          <Clock aria-hidden="true" className="size-4" />
          {t('duplicates.later')}
        </Button>
      </div>
    </div>
  );
}
