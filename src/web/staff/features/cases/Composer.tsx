import { Lock, Send } from 'lucide-react';
import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/domain/case';
import { CHANNELS } from '../../../../common/domain/channels';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { useEnumOptions } from '../beneficiaries/labels';
import { AnswerPicker } from '../knowledge/AnswerPicker';
import { useCaseMessage } from './queries';
import type { CaseDetail } from './types';

type Mode = 'reply' | 'note';

/**
 * Write to the case: a reply to the person (on the case's channel or another; it counts as the first response)
 * with ready answers one click away, or an internal note that stays with staff. An anonymous suggestion takes
 * notes only: there is nobody to reply to.
 */
export function Composer({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumOptions = useEnumOptions();
  const send = useCaseMessage(item.id);
  const fieldErrors = useFieldErrors(send.error);
  const [mode, setMode] = useState<Mode>(item.anonymous ? 'note' : 'reply');
  const [channel, setChannel] = useState(item.channel);
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const area = useRef<HTMLDivElement>(null);

  function insert(text: string) {
    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text));
    setSent(null);
    // Back to the text, ready to adjust the answer to the person.
    window.setTimeout(() => area.current?.querySelector('textarea')?.focus(), 0);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = body.trim();
    if (!text) return;
    send.mutate(
      { kind: mode, body: text, ...(mode === 'reply' ? { channel } : {}) },
      {
        onSuccess: () => {
          setBody('');
          setSent(mode === 'reply' ? t('cases.composer.sentReply') : t('cases.composer.sentNote'));
        },
      },
    );
  }

  const isNote = mode === 'note';
  return (
    <section aria-labelledby="composer-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id="composer-title" className="mb-3 text-base font-bold text-slate-900">
        {t('cases.composer.title')}
      </h2>
      <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-3">
        {item.anonymous ? (
          <p className="text-sm text-slate-700">{t('cases.composer.anonymous')}</p>
        ) : (
          <SegmentedControl
            label={t('cases.composer.modeLabel')}
            value={mode}
            onChange={(value) => {
              setMode(value === 'note' ? 'note' : 'reply');
              send.reset();
              setSent(null);
            }}
            segments={[
              { id: 'reply', label: t('cases.composer.reply') },
              { id: 'note', label: t('cases.composer.note'), tone: 'warning' },
            ]}
          />
        )}
        {isNote ? (
          <p className="flex items-start gap-2 rounded-md bg-amber-50 p-2 text-sm text-amber-950">
            <Lock aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            {t('cases.composer.noteHint')}
          </p>
        ) : (
          <div className="flex flex-wrap items-end justify-between gap-3">
            <SelectField
              label={t('cases.composer.channel')}
              name="channel"
              options={enumOptions('channel', CHANNELS)}
              value={channel}
              onChange={(value) => setChannel(value ?? item.channel)}
              className="min-w-56"
            />
            <AnswerPicker onInsert={insert} />
          </div>
        )}
        <div ref={area}>
          <TextAreaField
            label={isNote ? t('cases.composer.noteLabel') : t('cases.composer.replyLabel')}
            name="body"
            value={body}
            onChange={(value) => {
              setBody(value);
              setSent(null);
            }}
            rows={5}
            maxLength={LIMITS.body}
            description={t('cases.composer.count', { n: format.number(body.length), max: format.number(LIMITS.body) })}
          />
        </div>
        {send.isError ? <ErrorAlert>{errorMessage(send.error)}</ErrorAlert> : null}
        <SuccessNotice>{sent}</SuccessNotice>
        <div className="flex justify-end">
          <Button
            type="submit"
            variant={isNote ? 'secondary' : 'primary'}
            isPending={send.isPending}
            isDisabled={!body.trim()}
          >
            {isNote ? (
              <Lock aria-hidden="true" className="size-4" />
            ) : (
              <Send aria-hidden="true" className="size-4 rtl:-scale-x-100" />
            )}
            {send.isPending ? t('app.saving') : isNote ? t('cases.composer.saveNote') : t('cases.composer.sendReply')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
