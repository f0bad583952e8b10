import { FilePlus2, Globe, Search } from 'lucide-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button, buttonClass } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { Loading, PageHeader } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { KIND_TONE, useKnowledgeKindLabel } from '../features/knowledge/labels';
import { useKnowledgeSearch } from '../features/knowledge/queries';
import { KNOWLEDGE_KIND_LIST } from '../features/knowledge/types';
import { hasPermission, useUser } from '../session';

const ALL = 'all';

/**
 * The knowledge base (قاعدة المعرفة): the relations employee's four tools — the bylaws, the services regulation,
 * the policies and procedures manual, the beneficiary selection mechanism — with FAQs and ready answers, each in
 * the version in force, searched in Arabic however it is spelled.
 */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const kindLabel = useKnowledgeKindLabel();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kindParam = params.get('kind');
  const kind = KNOWLEDGE_KIND_LIST.find((k) => k === kindParam) ?? ALL;
  const [text, setText] = useState(q);
  const search = useKnowledgeSearch({ q, kind: kind === ALL ? undefined : kind });

  const update = useCallback(
    (next: { q?: string; kind?: string }) =>
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          if (next.q !== undefined) {
            if (next.q.trim()) out.set('q', next.q.trim());
            else out.delete('q');
          }
          if (next.kind !== undefined) {
            if (next.kind === ALL) out.delete('kind');
            else out.set('kind', next.kind);
          }
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );

  useEffect(() => {
    if (text.trim() === q) return;
    const timer = window.setTimeout(() => update({ q: text }), 350);
    return () => window.clearTimeout(timer);
  }, [text, q, update]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ q: text });
  }

  // The four tools first, in the policy's order, then FAQs and ready answers.
  const rank = (kind: string) => {
    const index = (KNOWLEDGE_KIND_LIST as readonly string[]).indexOf(kind);
    return index < 0 ? KNOWLEDGE_KIND_LIST.length : index;
  };
  const items = [...(search.data?.items ?? [])].sort((a, b) => rank(a.kind) - rank(b.kind));
  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        subtitle={t('knowledge.subtitle')}
        actions={
          hasPermission(user, 'knowledge.manage') ? (
            <Link href="/knowledge/new" className={buttonClass('primary')}>
              <FilePlus2 aria-hidden="true" className="size-4" />
              {t('knowledge.new')}
            </Link>
          ) : null
        }
      />

      <Form role="search" onSubmit={onSubmit} className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          label={t('knowledge.searchLabel')}
          description={t('knowledge.searchHint')}
          name="q"
          type="search"
          value={text}
          onChange={setText}
          autoFocus
          className="flex-1"
          inputProps={{ enterKeyHint: 'search', autoComplete: 'off' }}
        />
        <SelectField
          label={t('knowledge.kindFilter')}
          options={[
            { id: ALL, label: t('knowledge.allKinds') },
            ...KNOWLEDGE_KIND_LIST.map((k) => ({ id: k, label: kindLabel(k) })),
          ]}
          value={kind}
          onChange={(value) => update({ kind: value ?? ALL })}
          className="sm:w-64"
        />
        <Button type="submit" variant="secondary" className="sm:mt-6">
          <Search aria-hidden="true" className="size-4" />
          {t('knowledge.search')}
        </Button>
      </Form>

      <section aria-labelledby="knowledge-results">
        <h2 id="knowledge-results" className="sr-only">
          {t('knowledge.results')}
        </h2>
        {search.isPending ? <Loading label={t('app.loading')} /> : null}
        {search.isError ? <ErrorAlert>{errorMessage(search.error)}</ErrorAlert> : null}
        {search.data && items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
            {q ? t('knowledge.emptySearch') : t('knowledge.empty')}
          </p>
        ) : null}
        <ul className="grid gap-3 lg:grid-cols-2">
          {items.map((doc) => (
            <li key={doc.id} className="flex">
              <Link
                href={`/knowledge/${doc.id}`}
                className="flex w-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-300 hover:bg-brand-50/40"
              >
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone={KIND_TONE[doc.kind] ?? 'neutral'}>{kindLabel(doc.kind)}</Badge>
                  {doc.published ? (
                    <span className="inline-flex items-center gap-1 text-xs text-slate-600">
                      <Globe aria-hidden="true" className="size-3.5" />
                      {t('knowledge.publishedShort')}
                    </span>
                  ) : null}
                </span>
                <span dir="auto" className="font-bold text-slate-900">
                  {doc.titleAr}
                </span>
                <span lang="ar" dir="rtl" className="line-clamp-3 text-slate-700">
                  {doc.excerpt}
                </span>
                <span className="text-xs text-slate-600">
                  {t('knowledge.versionLine', {
                    version: format.number(doc.version),
                    date: format.dual(doc.effectiveFrom),
                  })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
