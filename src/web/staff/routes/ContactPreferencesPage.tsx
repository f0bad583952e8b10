import { Search } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, TextField } from '../../ui/fields';
import { Ltr, localMobile } from '../../ui/Ltr';
import { Loading, PageHeader } from '../../ui/Page';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { useMessageContact, useSaveMessageContact } from '../features/admin/messaging-queries';
import type { MessageContact } from '../features/admin/messaging-types';

/**
 * تفضيلات التواصل: at the desk, what a person asked about messages — stop non-service messages (also by replying
 * إيقاف / STOP), agree to promotional ones, and the channel they prefer (decision 019).
 */
export default function ContactPreferencesPage() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [mobile, setMobile] = useState<string | null>(null);
  const contact = useMessageContact(mobile);
  const [notice, setNotice] = useState<ReactNode>(null);

  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    if (typed.trim()) setMobile(typed.trim());
  }

  return (
    <>
      <PageHeader title={t('messaging.contacts.title')} subtitle={t('messaging.contacts.subtitle')} />
      <Form onSubmit={find} className="mb-5 flex max-w-xl flex-wrap items-end gap-2">
        <TextField
          className="min-w-0 flex-1"
          label={t('messaging.contacts.mobile')}
          value={typed}
          onChange={setTyped}
          isRequired
          ltr
          inputClassName="rtl:text-right"
          placeholder="05XXXXXXXX"
          inputProps={{ inputMode: 'tel', autoComplete: 'off' }}
        />
        <Button type="submit" variant="primary">
          <Search aria-hidden="true" className="size-4" />
          {t('messaging.contacts.find')}
        </Button>
      </Form>
      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {contact.isFetching && !contact.data ? <Loading label={t('app.loading')} /> : null}
      {contact.isError ? <ErrorAlert>{errorMessage(contact.error)}</ErrorAlert> : null}
      {contact.data && mobile ? (
        <ContactForm
          key={`${contact.data.mobile}-${contact.dataUpdatedAt}`}
          query={mobile}
          contact={contact.data}
          onChange={() => setNotice(null)}
          onSaved={() => setNotice(t('messaging.contacts.saved', { mobile: localMobile(contact.data.mobile) }))}
        />
      ) : null}
    </>
  );
}

function ContactForm({
  query,
  contact,
  onChange,
  onSaved,
}: {
  query: string;
  contact: MessageContact;
  onChange: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveMessageContact();
  const [optedOut, setOptedOut] = useState(contact.optedOut);
  const [promo, setPromo] = useState(contact.promoOptIn);
  const [channel, setChannel] = useState<string>(contact.preferredChannel ?? 'none');
  const via = t('messaging.contacts.via', { returnObjects: true }) as unknown as Record<string, string>;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(
      {
        mobile: query,
        optedOut,
        promoOptIn: promo,
        preferredChannel: channel === 'none' ? null : (channel as 'sms' | 'whatsapp'),
        language: contact.language,
      },
      { onSuccess: onSaved },
    );
  }

  return (
    <Form
      onSubmit={submit}
      aria-label={contact.mobile}
      className="flex max-w-xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <p className="font-bold text-slate-900">
        <Ltr>{localMobile(contact.mobile)}</Ltr>
      </p>
      {contact.optedOut && contact.optedOutAt ? (
        <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-950">
          {t('messaging.contacts.since', {
            date: format.dateTime(contact.optedOutAt),
            via: via[contact.optedOutVia ?? ''] ?? contact.optedOutVia ?? '',
          })}
        </p>
      ) : null}
      <div>
        <Checkbox
          isSelected={optedOut}
          onChange={(v) => {
            onChange();
            setOptedOut(v);
          }}
        >
          {t('messaging.contacts.optedOut')}
        </Checkbox>
        <p className="ms-8 text-xs text-slate-600">{t('messaging.contacts.optedOutHelp')}</p>
      </div>
      <Checkbox
        isSelected={promo}
        onChange={(v) => {
          onChange();
          setPromo(v);
        }}
      >
        {t('messaging.contacts.promoOptIn')}
      </Checkbox>
      <RadioGroupField
        label={t('messaging.contacts.channel')}
        value={channel}
        onChange={(v) => {
          onChange();
          setChannel(v);
        }}
        options={(['none', 'sms', 'whatsapp'] as const).map((c) => ({
          id: c,
          label: t(`messaging.contacts.channels.${c}`),
        }))}
      />
      <p className="text-xs text-slate-600">
        {contact.lastWhatsappInboundAt
          ? t('messaging.contacts.lastWhatsapp', { date: format.dateTime(contact.lastWhatsappInboundAt) })
          : t('messaging.contacts.noWhatsapp')}
      </p>
      {save.isError ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
      <div>
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {save.isPending ? t('app.saving') : t('messaging.contacts.save')}
        </Button>
      </div>
    </Form>
  );
}
