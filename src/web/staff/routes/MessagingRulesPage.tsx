import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../common/arabic';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, TextField } from '../../ui/fields';
import { Loading, PageHeader } from '../../ui/Page';
import { useMessagingSettings, useSaveMessagingSettings } from '../features/admin/messaging-queries';
import type { MessagingSettings } from '../features/admin/messaging-types';

const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
function toMinutes(time: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(toLatinDigits(time).trim());
  if (!match) return null;
  const [h, m] = [Number(match[1]), Number(match[2])];
  return h < 24 && m < 60 ? h * 60 + m : null;
}
function whole(text: string): number | null {
  const clean = toLatinDigits(text).trim();
  return /^\d{1,3}$/.test(clean) ? Number(clean) : null;
}

/**
 * قواعد الرسائل: quiet hours (Riyadh time, with the Friday-morning option), the promotional sender and hours, and
 * the cap of non-urgent messages per person (decision 019).
 */
export default function MessagingRulesPage() {
  const { t } = useTranslation();
  const settings = useMessagingSettings();
  const [notice, setNotice] = useState<ReactNode>(null);
  return (
    <>
      <PageHeader title={t('messaging.rules.title')} subtitle={t('messaging.rules.subtitle')} />
      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {settings.isPending ? <Loading label={t('app.loading')} /> : null}
      {settings.isError ? <ErrorAlert>{errorMessage(settings.error)}</ErrorAlert> : null}
      {settings.data ? (
        <RulesForm
          initial={settings.data}
          onChange={() => setNotice(null)}
          onSaved={() => setNotice(t('messaging.rules.saved'))}
        />
      ) : null}
    </>
  );
}

function RulesForm({
  initial,
  onChange,
  onSaved,
}: {
  initial: MessagingSettings;
  onChange: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveMessagingSettings();
  const [quiet, setQuiet] = useState(initial.quietHoursEnabled);
  const [quietStart, setQuietStart] = useState(toTime(initial.quietStartMinute));
  const [quietEnd, setQuietEnd] = useState(toTime(initial.quietEndMinute));
  const [friday, setFriday] = useState(initial.fridayMorningQuiet);
  const [sender, setSender] = useState(initial.promoSenderId ?? '');
  const [promoStart, setPromoStart] = useState(toTime(initial.promoStartMinute));
  const [promoEnd, setPromoEnd] = useState(toTime(initial.promoEndMinute));
  const [capCount, setCapCount] = useState(String(initial.frequencyCapCount));
  const [capDays, setCapDays] = useState(String(initial.frequencyCapDays));
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      onChange();
      set(value);
    };
  const time = (v: string) => (toMinutes(v) === null ? t('messaging.rules.timeInvalid') : null);
  const range = (min: number, max: number) => (v: string) => {
    const n = whole(v);
    return n !== null && n >= min && n <= max
      ? null
      : t('messaging.rules.range', { min: format.number(min), max: format.number(max) });
  };
  const senderValid = (v: string) =>
    v.trim() === '' || /^[A-Za-z0-9 ._&]{1,8}-AD$/.test(v.trim()) ? null : t('messaging.rules.promoSenderInvalid');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = [quietStart, quietEnd, promoStart, promoEnd].map(toMinutes);
    const count = whole(capCount);
    const days = whole(capDays);
    if (minutes.some((m) => m === null) || count === null || days === null || senderValid(sender)) return;
    save.mutate(
      {
        quietHoursEnabled: quiet,
        quietStartMinute: minutes[0]!,
        quietEndMinute: minutes[1]!,
        fridayMorningQuiet: friday,
        promoSenderId: sender.trim() || null,
        promoStartMinute: minutes[2]!,
        promoEndMinute: minutes[3]!,
        frequencyCapCount: count,
        frequencyCapDays: days,
      },
      { onSuccess: onSaved },
    );
  }

  const timeField = (label: string, value: string, set: (v: string) => void, isDisabled = false) => (
    <TextField
      label={label}
      value={value}
      onChange={changed(set)}
      isRequired
      isDisabled={isDisabled}
      ltr
      inputClassName="rtl:text-right"
      validate={time}
      placeholder="22:00"
      inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
    />
  );

  return (
    <Form onSubmit={submit} className="flex max-w-3xl flex-col gap-6">
      <section aria-labelledby="rules-quiet" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="rules-quiet" className="mb-1 font-bold text-slate-900">
          {t('messaging.rules.quiet')}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t('messaging.rules.quietHelp')}</p>
        <div className="flex flex-col gap-4">
          <Checkbox isSelected={quiet} onChange={changed(setQuiet)}>
            {t('messaging.rules.quietEnabled')}
          </Checkbox>
          <div className="grid gap-4 sm:grid-cols-2">
            {timeField(t('messaging.rules.quietStart'), quietStart, setQuietStart, !quiet)}
            {timeField(t('messaging.rules.quietEnd'), quietEnd, setQuietEnd, !quiet)}
          </div>
          <Checkbox isSelected={friday} onChange={changed(setFriday)}>
            {t('messaging.rules.friday')}
          </Checkbox>
        </div>
      </section>

      <section aria-labelledby="rules-promo" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="rules-promo" className="mb-3 font-bold text-slate-900">
          {t('messaging.rules.promo')}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            className="sm:col-span-2"
            label={t('messaging.rules.promoSender')}
            description={t('messaging.rules.promoSenderHelp')}
            value={sender}
            onChange={changed(setSender)}
            ltr
            maxLength={11}
            validate={senderValid}
            placeholder="MAA-AD"
            inputProps={{ autoComplete: 'off' }}
          />
          {timeField(t('messaging.rules.promoStart'), promoStart, setPromoStart)}
          {timeField(t('messaging.rules.promoEnd'), promoEnd, setPromoEnd)}
        </div>
      </section>

      <section aria-labelledby="rules-cap" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="rules-cap" className="mb-1 font-bold text-slate-900">
          {t('messaging.rules.cap')}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t('messaging.rules.capHelp')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('messaging.rules.capCount')}
            value={capCount}
            onChange={changed(setCapCount)}
            isRequired
            ltr
            inputClassName="rtl:text-right"
            validate={range(0, 100)}
            inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
          />
          <TextField
            label={t('messaging.rules.capDays')}
            value={capDays}
            onChange={changed(setCapDays)}
            isRequired
            ltr
            inputClassName="rtl:text-right"
            validate={range(1, 60)}
            inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
          />
        </div>
      </section>

      {save.isError ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
      <div>
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {save.isPending ? t('app.saving') : t('messaging.rules.save')}
        </Button>
      </div>
    </Form>
  );
}
