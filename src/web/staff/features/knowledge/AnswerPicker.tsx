import { BookOpenText, MessageSquareQuote } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeArabic } from '../../../../common/arabic';
import { errorMessage } from '../../../lib/api';
import { ErrorAlert } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/fields';
import { Loading } from '../../../ui/Page';
import { KIND_TONE, quotedParagraphs, useKnowledgeKindLabel } from './labels';
import { fetchKnowledgeDocument, useCannedAnswers, useKnowledgeSearch } from './queries';

/**
 * Canned answers for a reply: a search over the ready answers and FAQs in force, and over the policies and
 * procedures manual (دليل السياسات والإجراءات) — one click inserts the answer, or the manual's paragraphs that
 * mention the searched words, into the reply.
 */
export function AnswerPicker({ onInsert }: { onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="min-h-9 px-3" onPress={() => setOpen(true)}>
        <MessageSquareQuote aria-hidden="true" className="size-4" />
        {t('knowledge.picker.open')}
      </Button>
      <Dialog title={t('knowledge.picker.title')} isOpen={open} onOpenChange={setOpen} closeLabel={t('app.close')}>
        <PickerBody
          onInsert={(text) => {
            onInsert(text);
            setOpen(false);
          }}
        />
      </Dialog>
    </>
  );
}

function PickerBody({ onInsert }: { onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const kindLabel = useKnowledgeKindLabel();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [fetching, setFetching] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const answers = useCannedAnswers(q);
  const manual = useKnowledgeSearch({ q, kind: 'policies_manual' }, q.length > 0);

  async function insertFromManual(id: string) {
    setFetching(id);
    setProblem(null);
    try {
      const doc = await fetchKnowledgeDocument(id);
      const current = doc.versions.find((v) => v.id === doc.currentVersionId);
      if (!current) return;
      onInsert(quotedParagraphs(current.bodyAr, q.split(/\s+/), normalizeArabic));
    } catch (error) {
      setProblem(error);
    } finally {
      setFetching(null);
    }
  }

  const answerItems = answers.data?.items ?? [];
  const manualItems = q ? (manual.data?.items ?? []) : [];

  return (
    <div className="flex flex-col gap-4">
      <TextField
        label={t('knowledge.picker.search')}
        description={t('knowledge.picker.searchHint')}
        type="search"
        value={text}
        onChange={setText}
        autoFocus
        inputProps={{ autoComplete: 'off', enterKeyHint: 'search' }}
      />
      {answers.isPending ? <Loading label={t('app.loading')} /> : null}
      {answers.isError ? <ErrorAlert>{errorMessage(answers.error)}</ErrorAlert> : null}
      {problem ? <ErrorAlert>{errorMessage(problem)}</ErrorAlert> : null}

      <section aria-labelledby="picker-answers" className="flex flex-col gap-2">
        <h3 id="picker-answers" className="text-sm font-bold text-slate-900">
          {t('knowledge.picker.answers')}
        </h3>
        {answers.data && answerItems.length === 0 ? (
          <p className="text-slate-700">{t('knowledge.picker.empty')}</p>
        ) : null}
        <ul className="flex max-h-80 flex-col gap-2 overflow-y-auto">
          {answerItems.map((answer) => (
            <li key={answer.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="flex min-w-0 flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{answer.titleAr}</span>
                  <Badge tone={KIND_TONE[answer.kind] ?? 'neutral'}>{kindLabel(answer.kind)}</Badge>
                </div>
                <Button
                  variant="primary"
                  className="min-h-9 px-3"
                  aria-label={t('knowledge.picker.insertLabel', { title: answer.titleAr })}
                  onPress={() => onInsert(answer.bodyAr)}
                >
                  {t('knowledge.picker.insert')}
                </Button>
              </div>
              <p lang="ar" dir="rtl" className="mt-1 line-clamp-3 text-sm text-slate-700">
                {answer.bodyAr}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="picker-manual" className="flex flex-col gap-2">
        <h3 id="picker-manual" className="flex items-center gap-2 text-sm font-bold text-slate-900">
          <BookOpenText aria-hidden="true" className="size-4 text-brand-700" />
          {t('knowledge.picker.manual')}
        </h3>
        {!q ? <p className="text-sm text-slate-600">{t('knowledge.picker.manualHint')}</p> : null}
        {q && manual.isPending ? <Loading label={t('app.loading')} /> : null}
        {q && manual.data && manualItems.length === 0 ? (
          <p className="text-slate-700">{t('knowledge.picker.empty')}</p>
        ) : null}
        <ul className="flex flex-col gap-2">
          {manualItems.map((doc) => (
            <li key={doc.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <span className="min-w-0 font-medium text-slate-900">{doc.titleAr}</span>
                <Button
                  className="min-h-9 px-3"
                  isPending={fetching === doc.id}
                  aria-label={t('knowledge.picker.quoteLabel', { title: doc.titleAr })}
                  onPress={() => void insertFromManual(doc.id)}
                >
                  {fetching === doc.id ? t('app.loading') : t('knowledge.picker.quote')}
                </Button>
              </div>
              <p lang="ar" dir="rtl" className="mt-1 line-clamp-3 text-sm text-slate-700">
                {doc.excerpt}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
