import { TriangleAlert } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { addDays, riyadhDate } from '../../../../common/dates';
import { DEFAULT_TEMPLATES, renderTemplate, type TemplateKey } from '../../../../common/domain/notifications';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useMessageLabels } from './labels';
import { MessageBubble } from './MessageBubble';
import { useSaveTemplateItem } from './messaging-queries';
import type { MessageCategory, TemplateItem, WhatsAppMapping } from './messaging-types';
import { TemplateHistory } from './TemplateHistory';
import { TemplateRules } from './TemplateRules';

const VARIABLE = /\{\{\s*(\w+)\s*\}\}/g;

/** The {{variables}} a text uses, each once, in order. */
export function variablesOf(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1] ?? ''))].filter(Boolean);
}

/** The variables the system fills for an event: those of its built-in text. */
export function allowedVariables(key: string): string[] {
  const builtIn = DEFAULT_TEMPLATES[key as TemplateKey];
  return builtIn ? variablesOf(builtIn.body) : [];
}

/** SMS length: Arabic text is sent as Unicode, 70 characters in one message or 67 per part when longer. */
function smsParts(text: string): number {
  // Anything outside printable ASCII (Arabic letters, Arabic-Indic digits) makes the message Unicode.
  const unicode = /[^ -~\n\r]/.test(text);
  const single = unicode ? 70 : 160;
  const part = unicode ? 67 : 153;
  return text.length <= single ? 1 : Math.ceil(text.length / part);
}

/** Sample values for the preview: words from the translation, dates computed from today. */
function useSamples(): Record<string, string> {
  const { t } = useTranslation();
  const format = useFormat();
  const today = riyadhDate(new Date());
  const words = t('admin.templates.samples', { returnObjects: true }) as unknown as Record<string, string>;
  return {
    ...words,
    expectedDate: format.dual(addDays(today, 14)),
    date: format.dual(addDays(today, 3)),
    link: `${window.location.origin}/portal/survey/…`,
    minutes: format.number(10),
    code: '482913',
  };
}

/**
 * Edits one template (event × channel): the subject (e-mail), the text with its variables, and a live preview
 * with sample values, as the beneficiary will read it.
 */
export function TemplateEditor({
  template,
  onDone,
  onCancel,
}: {
  template: TemplateItem;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useMessageLabels();
  const samples = useSamples();
  const save = useSaveTemplateItem();
  const previewId = useId();
  const [subject, setSubject] = useState(template.subject ?? '');
  const [body, setBody] = useState(template.body);
  const [category, setCategory] = useState<MessageCategory>(template.category);
  const [mapping, setMapping] = useState<WhatsAppMapping | null>(template.whatsapp);
  const allowed = allowedVariables(template.key);
  const unknown = variablesOf(body).filter((v) => !allowed.includes(v));
  const isEmail = template.channel === 'email';
  const builtIn = DEFAULT_TEMPLATES[template.key as TemplateKey];
  const preview = renderTemplate(body, samples);
  const describe = (name: string) =>
    (t('admin.templates.variables', { returnObjects: true }) as unknown as Record<string, string>)[name] ?? name;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(
      {
        key: template.key,
        channel: template.channel,
        // Only e-mail shows a subject; the other channels keep the one they have.
        subject: isEmail ? subject.trim() || null : template.subject,
        body: body.trim(),
        category,
        ...(template.channel === 'whatsapp'
          ? { whatsapp: mapping ? { ...mapping, name: mapping.name.trim(), language: mapping.language.trim() } : null }
          : {}),
      },
      { onSuccess: onDone },
    );
  }

  return (
    <Form onSubmit={submit} className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        {labels.event(template.key)} · {labels.channel(template.channel)}
      </p>
      {isEmail ? (
        <TextField label={t('admin.templates.subject')} value={subject} onChange={setSubject} maxLength={200} />
      ) : null}
      <TextAreaField
        label={t('admin.templates.body')}
        description={t('admin.templates.bodyHelp')}
        value={body}
        onChange={setBody}
        isRequired
        rows={5}
        maxLength={1000}
        validate={(v) => (v.trim().length >= 3 ? null : t('app.required'))}
      />

      {allowed.length > 0 ? (
        <div>
          <p className="text-sm font-medium text-slate-800">{t('admin.templates.available')}</p>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {allowed.map((name) => (
              <li key={name}>
                <Button
                  variant="ghost"
                  className="min-h-8 gap-1.5 rounded-full border border-slate-200 px-2.5 text-xs font-normal"
                  aria-label={t('admin.templates.insert', { name: describe(name) })}
                  onPress={() => setBody((text) => `${text.trimEnd()} {{${name}}}`)}
                >
                  <code dir="ltr" className="font-mono text-brand-800">{`{{${name}}}`}</code>
                  <span>{describe(name)}</span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {unknown.length > 0 ? (
        <p className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>
            {t('messaging.unknownVariables')}{' '}
            {unknown.map((name, i) => (
              <span key={name}>
                {i > 0 ? t('app.listSeparator') : null}
                <code dir="ltr" className="font-mono">{`{{${name}}}`}</code>
              </span>
            ))}
          </span>
        </p>
      ) : null}

      <TemplateRules
        channel={template.channel}
        allowed={allowed}
        describe={describe}
        category={category}
        onCategory={setCategory}
        mapping={mapping}
        onMapping={setMapping}
      />

      <section aria-labelledby={previewId} className="rounded-lg bg-slate-50 p-3">
        <h3 id={previewId} className="text-sm font-bold text-slate-800">
          {t('admin.templates.preview')}
        </h3>
        <MessageBubble
          channel={template.channel}
          subject={isEmail ? subject : null}
          body={preview}
          className="mt-2 bg-white"
        />
        {template.channel === 'sms' ? (
          <p className="mt-2 text-xs text-slate-600">
            {t('admin.templates.length', {
              chars: format.number(preview.length),
              parts: format.number(smsParts(preview)),
            })}
          </p>
        ) : null}
      </section>

      <TemplateHistory templateKey={template.key} channel={template.channel} />

      {save.isError ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-between gap-2">
        {builtIn ? (
          <Button
            variant="ghost"
            onPress={() => {
              setBody(builtIn.body);
              setSubject(builtIn.subject);
            }}
          >
            {t('admin.templates.restore')}
          </Button>
        ) : (
          <span />
        )}
        <div className="flex flex-wrap gap-2">
          <Button onPress={onCancel}>{t('app.cancel')}</Button>
          <Button type="submit" variant="primary" isPending={save.isPending}>
            {save.isPending ? t('app.saving') : t('admin.templates.save')}
          </Button>
        </div>
      </div>
    </Form>
  );
}
