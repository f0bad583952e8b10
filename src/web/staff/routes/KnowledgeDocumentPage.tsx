import { BookOpenCheck, Check, FilePlus2, Globe, GlobeLock } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'wouter';
import { riyadhDate } from '../../../common/dates';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button, buttonClass } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Dialog } from '../../ui/Dialog';
import { Fact, Facts } from '../../ui/Facts';
import { Loading, PageHeader } from '../../ui/Page';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { AckPanel } from '../features/admin/AckPanel';
import { KIND_TONE, useKnowledgeKindLabel } from '../features/knowledge/labels';
import {
  useAcknowledge,
  useAddVersion,
  useKnowledgeDocument,
  usePendingAcknowledgements,
  useUpdateKnowledge,
} from '../features/knowledge/queries';
import type { VersionFields as Fields, KnowledgeDocument, KnowledgeVersion } from '../features/knowledge/types';
import { emptyVersion, VersionFields } from '../features/knowledge/VersionFields';
import { hasPermission, useUser } from '../session';

/**
 * One document of the knowledge base: the version in force (its approval reference and effective date), older
 * and coming versions readable, "اطلعت عليه" when this person has not yet acknowledged it; for the manager, a
 * new version, publishing to the beneficiaries' portal, and who has read the version in force.
 */
export default function KnowledgeDocumentPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const doc = useKnowledgeDocument(id);
  if (doc.isPending) return <Loading label={t('app.loading')} />;
  if (doc.isError) {
    return (
      <div className="flex max-w-xl flex-col items-start gap-3">
        <PageHeader title={t('knowledge.title')} />
        <ErrorAlert>{errorMessage(doc.error)}</ErrorAlert>
        <Link href="/knowledge" className={buttonClass('secondary')}>
          {t('knowledge.title')}
        </Link>
      </div>
    );
  }
  return <DocumentView doc={doc.data} />;
}

type VersionState = 'current' | 'older' | 'upcoming';

function versionState(doc: KnowledgeDocument, v: KnowledgeVersion, today: string): VersionState {
  if (v.id === doc.currentVersionId) return 'current';
  return v.effectiveFrom > today ? 'upcoming' : 'older';
}

const STATE_TONE = { current: 'success', older: 'neutral', upcoming: 'info' } as const;

function DocumentView({ doc }: { doc: KnowledgeDocument }) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const kindLabel = useKnowledgeKindLabel();
  const [params, setParams] = useSearchParams();
  const canManage = hasPermission(user, 'knowledge.manage');
  const pending = usePendingAcknowledgements();
  const acknowledge = useAcknowledge();
  const update = useUpdateKnowledge(doc.id);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const today = riyadhDate(new Date());

  const asked = Number(params.get('version'));
  const shown =
    doc.versions.find((v) => v.version === asked) ??
    doc.versions.find((v) => v.id === doc.currentVersionId) ??
    doc.versions[0];
  const toAcknowledge = pending.data?.find((p) => p.versionId === doc.currentVersionId);

  const showVersion = (v: KnowledgeVersion) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (v.id === doc.currentVersionId) out.delete('version');
        else out.set('version', String(v.version));
        return out;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={<bdi>{doc.titleAr}</bdi>}
        documentTitle={doc.titleAr}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={KIND_TONE[doc.kind] ?? 'neutral'}>{kindLabel(doc.kind)}</Badge>
            <span className="inline-flex items-center gap-1 text-sm">
              {doc.published ? (
                <Globe aria-hidden="true" className="size-4" />
              ) : (
                <GlobeLock aria-hidden="true" className="size-4" />
              )}
              {doc.published ? t('knowledge.published') : t('knowledge.notPublished')}
            </span>
          </span>
        }
        actions={
          canManage ? (
            <>
              <Button
                isPending={update.isPending}
                onPress={() =>
                  update.mutate(
                    { published: !doc.published },
                    {
                      onSuccess: () =>
                        setNotice(doc.published ? t('knowledge.done.unpublished') : t('knowledge.done.published')),
                    },
                  )
                }
              >
                {doc.published ? (
                  <GlobeLock aria-hidden="true" className="size-4" />
                ) : (
                  <Globe aria-hidden="true" className="size-4" />
                )}
                {doc.published ? t('knowledge.unpublish') : t('knowledge.publish')}
              </Button>
              <Button variant="primary" onPress={() => setAdding(true)}>
                <FilePlus2 aria-hidden="true" className="size-4" />
                {t('knowledge.newVersion')}
              </Button>
            </>
          ) : null
        }
      />

      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {update.isError ? <ErrorAlert className="mb-4">{errorMessage(update.error)}</ErrorAlert> : null}

      {toAcknowledge ? (
        <div className="mb-5 flex flex-wrap items-center gap-3 rounded-lg border border-brand-200 bg-brand-50 p-3">
          <BookOpenCheck aria-hidden="true" className="size-5 shrink-0 text-brand-700" />
          <p className="min-w-0 flex-1 text-brand-950">{t('knowledge.ack.pendingHere')}</p>
          <Button
            variant="primary"
            className="min-h-9 px-3"
            isPending={acknowledge.isPending}
            onPress={() =>
              acknowledge.mutate(toAcknowledge.versionId, { onSuccess: () => setNotice(t('knowledge.ack.done')) })
            }
          >
            <Check aria-hidden="true" className="size-4" />
            {t('knowledge.ack.confirm')}
          </Button>
          {acknowledge.isError ? <ErrorAlert className="w-full">{errorMessage(acknowledge.error)}</ErrorAlert> : null}
        </div>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          {shown ? (
            <article aria-labelledby="version-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
              <div className="mb-3 flex flex-wrap items-center gap-2">
                <h2 id="version-title" className="text-base font-bold text-slate-900">
                  {t('knowledge.version', { version: format.number(shown.version) })}
                </h2>
                <Badge tone={STATE_TONE[versionState(doc, shown, today)]}>
                  {t(`knowledge.versionStates.${versionState(doc, shown, today)}`)}
                </Badge>
              </div>
              <Facts className="mb-4">
                <Fact label={t('knowledge.fields.approvalRef')}>
                  <bdi>{shown.approvalRef}</bdi>
                </Fact>
                <Fact label={t('knowledge.fields.approvedOn')}>
                  <time dateTime={shown.approvedOn}>{format.dual(shown.approvedOn)}</time>
                </Fact>
                <Fact label={t('knowledge.fields.effectiveFrom')}>
                  <time dateTime={shown.effectiveFrom}>{format.dual(shown.effectiveFrom)}</time>
                </Fact>
              </Facts>
              <div
                lang="ar"
                dir="rtl"
                className="border-t border-slate-200 pt-4 leading-loose whitespace-pre-line text-slate-900"
              >
                {shown.bodyAr}
              </div>
            </article>
          ) : (
            <p className="text-slate-700">{t('knowledge.noVersion')}</p>
          )}
        </div>
        <aside className="flex min-w-0 flex-col gap-5" aria-label={t('knowledge.versions')}>
          <section aria-labelledby="versions-title" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="versions-title" className="mb-3 text-base font-bold text-slate-900">
              {t('knowledge.versions')}
            </h2>
            <ul className="flex flex-col gap-1">
              {doc.versions.map((v) => {
                const state = versionState(doc, v, today);
                const selected = v.id === shown?.id;
                return (
                  <li key={v.id}>
                    <button
                      type="button"
                      aria-current={selected ? 'true' : undefined}
                      onClick={() => showVersion(v)}
                      className={cx(
                        'flex min-h-11 w-full cursor-pointer flex-wrap items-center justify-between gap-2 rounded-md border-s-4 px-3 py-2 text-start',
                        selected ? 'border-brand-700 bg-brand-50' : 'border-transparent hover:bg-slate-50',
                      )}
                    >
                      <span className="flex flex-col">
                        <span className="font-medium text-slate-900">
                          {t('knowledge.version', { version: format.number(v.version) })}
                        </span>
                        <span className="text-xs text-slate-600">
                          {t('knowledge.effectiveShort', { date: format.gregorian(v.effectiveFrom) })}
                        </span>
                      </span>
                      <Badge tone={STATE_TONE[state]}>{t(`knowledge.versionStates.${state}`)}</Badge>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
          {doc.acknowledgements ? <AckPanel documentId={doc.id} /> : null}
        </aside>
      </div>

      {canManage ? (
        <Dialog title={t('knowledge.newVersion')} isOpen={adding} onOpenChange={setAdding} closeLabel={t('app.close')}>
          <NewVersionForm
            doc={doc}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              setNotice(t('knowledge.done.version'));
              setParams((prev) => {
                const out = new URLSearchParams(prev);
                out.delete('version');
                return out;
              });
            }}
          />
        </Dialog>
      ) : null}
    </>
  );
}

function NewVersionForm({
  doc,
  onCancel,
  onDone,
}: {
  doc: KnowledgeDocument;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddVersion(doc.id);
  const fieldErrors = useFieldErrors(add.error);
  const current = doc.versions.find((v) => v.id === doc.currentVersionId) ?? doc.versions[0];
  // The new text starts from the one in force: an amendment usually changes a part of it.
  const [value, setValue] = useState<Fields>(() => ({
    ...emptyVersion(riyadhDate(new Date())),
    bodyAr: current?.bodyAr ?? '',
  }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate(
      {
        bodyAr: value.bodyAr.trim(),
        approvalRef: value.approvalRef.trim(),
        approvedOn: value.approvedOn,
        effectiveFrom: value.effectiveFrom,
      },
      { onSuccess: onDone },
    );
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">{t('knowledge.newVersionHint')}</p>
      <VersionFields value={value} onChange={setValue} />
      {add.isError ? <ErrorAlert>{errorMessage(add.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={add.isPending}>
          {add.isPending ? t('app.saving') : t('knowledge.saveVersion')}
        </Button>
      </div>
    </Form>
  );
}
