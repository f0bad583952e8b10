import { ArrowDown, ArrowUp, Eye, Minus } from 'lucide-react';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../../common/arabic';
import { riyadhDate } from '../../../../common/dates';
import { type Criterion, criteriaSchema } from '../../../../common/domain/selection';
import { ApiError, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { Loading, PageHeader } from '../../../ui/Page';
import { hasPermission, useUser } from '../../session';
import {
  type CriteriaPreview,
  type CriteriaVersion,
  useCriteriaVersions,
  usePreviewCriteria,
  useSaveCriteria,
} from './setup-api';
import { useUnsavedGuard } from './useUnsavedGuard';

/** The parameter each criterion has besides its weight (the water source's table stays as it is). */
const PARAM: Partial<Record<Criterion['key'], 'threshold' | 'max' | 'age'>> = {
  income_per_person: 'threshold',
  household_size: 'max',
  elderly: 'age',
  storage_per_person: 'threshold',
};

type Draft = { key: Criterion['key']; weight: string; param: string }[];
const toDraft = (list: Criterion[]): Draft =>
  list.map((c) => {
    const p = PARAM[c.key];
    return { key: c.key, weight: String(c.weight), param: p ? String((c as Record<string, unknown>)[p]) : '' };
  });
const num = (s: string) => Number(toLatinDigits(s).trim() || Number.NaN);

/** آلية اختيار المستفيدين: versions of the selection criteria, a preview of how a change re-ranks, and its board reference. */
export default function CriteriaPage() {
  const { t } = useTranslation();
  const versions = useCriteriaVersions();
  const current = versions.data?.[0];
  // Kept here: approving a version remounts the editor on the new version in force.
  const [notice, setNotice] = useState<ReactNode>(null);
  return (
    <>
      <PageHeader title={t('criteria.title')} subtitle={t('criteria.subtitle')} />
      {versions.isPending ? <Loading label={t('app.loading')} /> : null}
      {versions.isError ? <ErrorAlert>{errorMessage(versions.error)}</ErrorAlert> : null}
      {current ? <Editor key={current.id} current={current} notice={notice} setNotice={setNotice} /> : null}
      {versions.data ? <History versions={versions.data} /> : null}
    </>
  );
}

function Editor({
  current,
  notice,
  setNotice,
}: {
  current: CriteriaVersion;
  notice: ReactNode;
  setNotice: (notice: ReactNode) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const canManage = hasPermission(user, 'selection.manage');
  const base = current.criteria as unknown as Criterion[];
  const [draft, setDraft] = useState<Draft>(() => toDraft(base));
  const [boardReference, setBoardReference] = useState('');
  const [boardDate, setBoardDate] = useState(riyadhDate(new Date()));
  const [note, setNote] = useState('');
  const preview = usePreviewCriteria();
  const save = useSaveCriteria();

  const proposed: Criterion[] = base.map((c, i) => {
    const d = draft[i]!;
    const p = PARAM[c.key];
    return { ...c, weight: num(d.weight), ...(p ? { [p]: num(d.param) } : {}) } as Criterion;
  });
  const valid = criteriaSchema.safeParse(proposed);
  const sum = proposed.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  const dirty = JSON.stringify(proposed) !== JSON.stringify(base);
  useUnsavedGuard(dirty || boardReference.trim().length > 0);
  // A preview belongs to the figures it was made with: editing them again hides it.
  const proposedKey = JSON.stringify(proposed);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the proposal changes
  useEffect(() => preview.reset(), [proposedKey]);
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!valid.success || !dirty || boardReference.trim().length < 2) return;
    save.mutate(
      {
        criteria: proposed as unknown as Record<string, unknown>[],
        boardReference: boardReference.trim(),
        boardDate,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: (r) => setNotice(t('criteria.saved', { version: format.number(r.version) })) },
    );
  }

  return (
    <Form onSubmit={submit} validationErrors={fieldErrors} className="mb-8 flex flex-col gap-5">
      <section aria-labelledby="criteria-current" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="criteria-current" className="font-bold text-slate-900">
          {t('criteria.current', { version: format.number(current.version) })}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {current.boardReference
            ? t('criteria.approvedBy', {
                reference: current.boardReference,
                date: current.boardDate ? format.dual(current.boardDate) : '',
              })
            : t('criteria.noBoard')}
        </p>
        <p className="mt-2 text-sm text-slate-700">{t('criteria.howItWorks')}</p>
        <div className="mt-4 flex flex-col gap-3">
          {base.map((c, i) => {
            const p = PARAM[c.key];
            const d = draft[i]!;
            const set = (patch: Partial<Draft[number]>) => {
              setNotice(null);
              setDraft(draft.map((x, j) => (j === i ? { ...x, ...patch } : x)));
            };
            return (
              <div
                key={c.key}
                className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_8rem_10rem] sm:items-start"
              >
                <div>
                  <p className="font-medium text-slate-900">{t(`enums.criterion.${c.key}`)}</p>
                  <p className="text-xs text-slate-600">{t(`criteria.explain.${c.key}`)}</p>
                </div>
                <TextField
                  label={t('criteria.weight')}
                  value={d.weight}
                  onChange={(v) => set({ weight: v })}
                  isReadOnly={!canManage}
                  ltr
                  inputClassName="rtl:text-right"
                  inputProps={{ inputMode: 'decimal' }}
                />
                {p ? (
                  <TextField
                    label={t(`criteria.param.${c.key}` as 'criteria.param.elderly')}
                    value={d.param}
                    onChange={(v) => set({ param: v })}
                    isReadOnly={!canManage}
                    ltr
                    inputClassName="rtl:text-right"
                    inputProps={{ inputMode: 'numeric' }}
                  />
                ) : null}
              </div>
            );
          })}
        </div>
        <p
          role="status"
          className={`mt-3 text-sm font-medium ${Math.abs(sum - 100) < 1e-9 ? 'text-emerald-800' : 'text-red-700'}`}
        >
          {t('criteria.sum', { sum: format.number(Math.round(sum * 100) / 100) })}
        </p>
        {!valid.success && dirty ? <p className="text-sm text-red-700">{t('criteria.invalid')}</p> : null}
        <div className="mt-3">
          <Button
            isDisabled={!valid.success || !dirty}
            isPending={preview.isPending}
            onPress={() => preview.mutate(proposed as unknown as Record<string, unknown>[])}
          >
            <Eye aria-hidden="true" className="size-4" />
            {t('criteria.preview')}
          </Button>
        </div>
        {preview.isError ? <ErrorAlert className="mt-3">{errorMessage(preview.error)}</ErrorAlert> : null}
      </section>

      {preview.data ? <PreviewTable data={preview.data} /> : null}

      {canManage ? (
        <section aria-labelledby="criteria-approve" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="criteria-approve" className="font-bold text-slate-900">
            {t('criteria.approve', { version: format.number(current.version + 1) })}
          </h2>
          <p className="mt-1 mb-3 text-sm text-slate-600">{t('criteria.approveHelp')}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              name="boardReference"
              label={t('criteria.boardReference')}
              description={t('criteria.boardReferenceHelp')}
              value={boardReference}
              onChange={setBoardReference}
              isRequired
              validate={(v) => (v.trim().length >= 2 ? null : t('criteria.boardReferenceRequired'))}
            />
            <TextField
              name="boardDate"
              label={t('criteria.boardDate')}
              type="date"
              ltr
              value={boardDate}
              onChange={setBoardDate}
              description={boardDate ? format.hijri(boardDate) : undefined}
              isRequired
            />
          </div>
          <TextField className="mt-3" name="note" label={t('criteria.note')} value={note} onChange={setNote} />
          <SuccessNotice className="mt-3">{notice}</SuccessNotice>
          {save.isError ? <ErrorAlert className="mt-3">{errorMessage(save.error)}</ErrorAlert> : null}
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <Button type="submit" variant="primary" isPending={save.isPending} isDisabled={!valid.success || !dirty}>
              {t('criteria.save')}
            </Button>
            {!dirty ? <span className="text-sm text-slate-600">{t('criteria.nothingChanged')}</span> : null}
          </div>
        </section>
      ) : null}
    </Form>
  );
}

function PreviewTable({ data }: { data: CriteriaPreview }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="criteria-preview" className="rounded-lg border border-brand-200 bg-white p-4">
      <h2 id="criteria-preview" className="font-bold text-slate-900">
        {t('criteria.previewTitle')}
      </h2>
      <p className="mt-1 text-sm text-slate-700" role="status">
        {data.total === 0
          ? t('criteria.previewEmpty')
          : t('criteria.previewSummary', { total: format.number(data.total), moved: format.number(data.moved) })}
        {data.limited ? ` ${t('criteria.previewLimited')}` : ''}
      </p>
      {data.total > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard
        <section className="mt-3 overflow-x-auto" tabIndex={0} aria-labelledby="criteria-preview">
          <table className="w-full min-w-[36rem] text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-start text-slate-600">
                <th className="p-2 text-start font-medium">{t('criteria.col.rank')}</th>
                <th className="p-2 text-start font-medium">{t('criteria.col.reference')}</th>
                <th className="p-2 text-start font-medium">{t('criteria.col.district')}</th>
                <th className="p-2 text-start font-medium">{t('criteria.col.score')}</th>
                <th className="p-2 text-start font-medium">{t('criteria.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.slice(0, 50).map((row) => {
                const delta = row.rankBefore - row.rankAfter;
                return (
                  <tr key={row.applicationId} className="border-b border-slate-100">
                    <td className="p-2 font-bold">{format.number(row.rankAfter)}</td>
                    <td className="p-2">
                      <bdi dir="ltr">{row.reference}</bdi>
                      <span className="block text-xs text-slate-600">
                        {t('criteria.file')} <bdi dir="ltr">{row.fileNumber}</bdi> ·{' '}
                        {t(`enums.stage.${row.stage}` as 'enums.stage.submitted')}
                      </span>
                    </td>
                    <td className="p-2">{row.district}</td>
                    <td className="p-2">
                      {t('criteria.scoreChange', {
                        before: format.number(row.scoreBefore),
                        after: format.number(row.scoreAfter),
                      })}
                    </td>
                    <td className="p-2">
                      {delta > 0 ? (
                        <Badge tone="success">
                          <ArrowUp aria-hidden="true" className="size-3.5" />
                          {t('criteria.up', { n: format.number(delta) })}
                        </Badge>
                      ) : delta < 0 ? (
                        <Badge tone="warning">
                          <ArrowDown aria-hidden="true" className="size-3.5" />
                          {t('criteria.down', { n: format.number(-delta) })}
                        </Badge>
                      ) : (
                        <Badge>
                          <Minus aria-hidden="true" className="size-3.5" />
                          {t('criteria.same')}
                        </Badge>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
    </section>
  );
}

function History({ versions }: { versions: CriteriaVersion[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="criteria-history">
      <h2 id="criteria-history" className="mb-3 font-bold text-slate-900">
        {t('criteria.history')}
      </h2>
      <ol className="flex flex-col gap-2">
        {versions.map((v) => (
          <li key={v.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <p className="font-medium text-slate-900">
              {t('criteria.versionN', { version: format.number(v.version) })} ·{' '}
              <time dateTime={v.createdAt}>{format.dateTime(v.createdAt)}</time>
            </p>
            <p className="text-slate-700">
              {v.boardReference
                ? t('criteria.approvedBy', {
                    reference: v.boardReference,
                    date: v.boardDate ? format.dual(v.boardDate) : '',
                  })
                : t('criteria.noBoard')}
            </p>
            <p className="text-xs text-slate-600">
              {(v.criteria as { key: string; weight: number }[])
                .map(
                  (c) => `${t(`enums.criterion.${c.key}` as 'enums.criterion.disability')} ${format.number(c.weight)}٪`,
                )
                .join(' · ')}
            </p>
            {v.note && v.note !== 'default' ? <p className="text-xs text-slate-600">{v.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
