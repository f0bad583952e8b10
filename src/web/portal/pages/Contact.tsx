import applyStrings from 'virtual:portal-strings/apply';
import contactStrings from 'virtual:portal-strings/contact';
import { useEffect, useState } from 'react';
import { api, PortalError } from '../api';
import { type ReplyTime, replyTimeText } from '../code';
import { useInfo } from '../data';
import { addStrings, num, t } from '../i18n';
import { CircleCheck } from '../icons';
import { Link, navigate, pageState } from '../router';
import { KEYS, readStored, removeStored, writeStored } from '../storage';
import {
  Alert,
  Button,
  buttonClass,
  Checkbox,
  focusFirstError,
  Heading,
  KeepValue,
  Progress,
  RadioGroup,
  TextArea,
  TextField,
} from '../ui';
import { clean, type Errors, localMobile, mobileProblem } from '../validate';

addStrings({ apply: applyStrings, contact: contactStrings });

type Kind = 'inquiry' | 'complaint' | 'suggestion';
type ContactDraft = {
  phase: 'kind' | 'details';
  kind: Kind | '';
  subject: string;
  description: string;
  name: string;
  mobile: string;
  anonymous: boolean;
};
type Sent = { reference: string; followCode: string | null; replyTime: ReplyTime; anonymous: boolean };

const KINDS: Kind[] = ['inquiry', 'complaint', 'suggestion'];
const empty: ContactDraft = {
  phase: 'kind',
  kind: '',
  subject: '',
  description: '',
  name: '',
  mobile: '',
  anonymous: false,
};

function initialDraft(): ContactDraft {
  // Opened from a decision page ("write your objection"): start with its kind and subject.
  const opened = pageState<{ kind: Kind; subject: string }>();
  if (opened.kind && KINDS.includes(opened.kind)) {
    return { ...empty, phase: 'details', kind: opened.kind, subject: String(opened.subject ?? '') };
  }
  const stored = readStored<ContactDraft>(KEYS.contactDraft);
  return stored && typeof stored === 'object' ? { ...empty, ...stored } : empty;
}

function validate(d: ContactDraft): Errors {
  const errors: Errors = {};
  if (d.subject.trim().length < 3) errors.subject = t(d.subject.trim() ? 'errors.subject' : 'errors.required');
  if (d.description.trim().length < 3)
    errors.description = t(d.description.trim() ? 'errors.description' : 'errors.required');
  else if (d.description.trim().length > 5000) errors.description = t('errors.tooLong');
  if (!(d.kind === 'suggestion' && d.anonymous)) {
    if (d.name.trim().length < 2) errors.name = t(d.name.trim() ? 'errors.name' : 'errors.required');
    const mobile = mobileProblem(d.mobile);
    if (mobile) errors.mobile = t(mobile);
  }
  return errors;
}

/** An inquiry, complaint or suggestion in two short steps; a suggestion may be sent without a name. */
export function ContactPage() {
  const [draft, setDraft] = useState<ContactDraft>(initialDraft);
  const [sent, setSent] = useState<Sent | null>(() => {
    const stored = readStored<Sent>(KEYS.contactDone, 'session');
    return stored && typeof stored === 'object' && 'replyTime' in stored ? stored : null;
  });
  const info = useInfo().data;
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => writeStored(KEYS.contactDraft, draft), [draft]);

  const set = (patch: Partial<ContactDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key];
      return next;
    });
  };

  const go = (phase: ContactDraft['phase']) => {
    set({ phase });
    setErrors({});
    setFormError(null);
    window.scrollTo(0, 0);
  };

  const send = async () => {
    const problems = validate(draft);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return focusFirstError(problems);
    }
    const anonymous = draft.kind === 'suggestion' && draft.anonymous;
    setBusy(true);
    setFormError(null);
    try {
      const answer = await api<Omit<Sent, 'anonymous'>>('POST', '/api/portal/cases', {
        json: {
          kind: draft.kind,
          subject: draft.subject.trim(),
          description: draft.description.trim(),
          ...(anonymous
            ? { anonymous: true }
            : { anonymous: false, name: draft.name.trim(), mobile: localMobile(draft.mobile) ?? clean(draft.mobile) }),
        },
      });
      const result: Sent = { ...answer, anonymous };
      writeStored(KEYS.contactDone, result, 'session');
      removeStored(KEYS.contactDraft);
      setDraft(empty);
      setSent(result);
    } catch (error) {
      const e = error instanceof PortalError ? error : new PortalError(0, 'unexpected', t('errors.unexpected'));
      if (Object.keys(e.fields).length > 0) {
        setErrors(e.fields);
        focusFirstError(e.fields);
      } else {
        setFormError(e.message);
      }
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <ContactSent
        sent={sent}
        another={() => {
          removeStored(KEYS.contactDone, 'session');
          setSent(null);
          setDraft(empty);
        }}
      />
    );
  }

  const step = draft.phase === 'kind' ? 1 : 2;
  const title = t(draft.phase === 'kind' ? 'contact.kind.title' : 'contact.details.title');
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.phase === 'details') return send();
        if (!draft.kind) {
          const next = { kind: t('errors.choose') };
          setErrors(next);
          return focusFirstError(next);
        }
        go('details');
      }}
    >
      <div>
        <p className="mb-3 text-base font-bold text-slate-700">{t('contact.title')}</p>
        <Progress current={step} total={2} />
        <Heading key={draft.phase} title={title} hiddenPrefix={`${t('app.progress', { current: step, total: 2 })}:`}>
          {title}
        </Heading>
      </div>
      {draft.phase === 'kind' ? (
        <>
          <RadioGroup
            name="kind"
            legend={title}
            value={draft.kind}
            onChange={(kind) => set({ kind: kind as Kind })}
            options={KINDS.map((kind) => ({
              value: kind,
              label: t(`contact.kind.${kind}`),
              hint: info
                ? `${t(`contact.kind.${kind}Hint`)} ${t('contact.kind.replyIn', { time: replyTimeText(info.replyTimes[kind].first) })}`
                : t(`contact.kind.${kind}Hint`),
            }))}
            error={errors.kind}
            legendHidden
          />
          <p>
            <Link
              to="/portal/follow"
              className="inline-flex min-h-11 items-center font-bold text-brand-800 underline underline-offset-4"
            >
              {t('contact.followLink')}
            </Link>
          </p>
          <p>
            <span className="text-slate-700">{t('contact.reach')} </span>
            <Link
              to="/portal/contact-us"
              className="inline-flex min-h-11 items-center font-bold text-brand-800 underline underline-offset-4"
            >
              {t('app.contactUsLink')}
            </Link>
          </p>
        </>
      ) : (
        <div className="space-y-5">
          <p className="text-lg font-bold text-brand-900">{draft.kind ? t(`contact.kind.${draft.kind}`) : ''}</p>
          <TextField
            name="subject"
            label={t('contact.details.subject')}
            value={draft.subject}
            onChange={(subject) => set({ subject })}
            error={errors.subject}
            maxLength={200}
          />
          <TextArea
            name="description"
            label={t('contact.details.description')}
            value={draft.description}
            onChange={(description) => set({ description })}
            error={errors.description}
            maxLength={5000}
          />
          {draft.kind === 'suggestion' ? (
            <Checkbox
              name="anonymous"
              label={t('contact.details.anonymous')}
              hint={t('contact.details.anonymousHint')}
              checked={draft.anonymous}
              onChange={(anonymous) => set({ anonymous, ...(anonymous ? { name: '', mobile: '' } : {}) })}
              error={errors.anonymous}
            />
          ) : null}
          {draft.kind === 'suggestion' && draft.anonymous ? null : (
            <>
              <TextField
                name="name"
                label={t('contact.details.name')}
                value={draft.name}
                onChange={(name) => set({ name })}
                error={errors.name}
                autoComplete="name"
                maxLength={120}
              />
              <TextField
                name="mobile"
                type="tel"
                label={t('contact.details.mobile')}
                hint={t('contact.details.mobileHint')}
                value={draft.mobile}
                onChange={(mobile) => set({ mobile })}
                error={errors.mobile}
                inputMode="tel"
                autoComplete="tel-national"
                placeholder={num('05XXXXXXXX')}
                maxLength={20}
                ltr
              />
            </>
          )}
        </div>
      )}
      {formError ? <Alert tone="error" announce title={formError} /> : null}
      <div className="flex flex-wrap gap-3 pt-2">
        <Button type="submit" variant="primary" busy={busy} className="min-w-40 flex-1 sm:flex-none">
          {draft.phase === 'kind' ? t('app.next') : busy ? t('contact.details.sending') : t('contact.details.send')}
        </Button>
        {draft.phase === 'details' ? (
          <Button variant="secondary" onClick={() => go('kind')}>
            {t('app.back')}
          </Button>
        ) : null}
      </div>
      <p className="text-sm text-slate-700">{t('apply.saved')}</p>
    </form>
  );
}

/** "٤٨٢١ ٠٩٣٧": an 8-digit code in two groups, easy to read aloud and to copy down. */
const grouped = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

function ContactSent({ sent, another }: { sent: Sent; another: () => void }) {
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3">
        <CircleCheck aria-hidden="true" className="size-10 shrink-0 text-green-700" />
        <Heading title={t('contact.done.title')}>{t('contact.done.title')}</Heading>
      </div>
      <KeepValue label={t('contact.done.reference')} value={sent.reference} testId="case-reference" />
      {sent.followCode ? (
        <>
          <KeepValue label={t('contact.done.followCode')} value={grouped(sent.followCode)} testId="case-follow-code" />
          <Alert tone="warning">
            <p className="font-bold">{t('contact.done.keepCode')}</p>
          </Alert>
        </>
      ) : (
        <p className="text-lg">{t('contact.done.sms')}</p>
      )}
      <p className="text-lg font-bold">
        {sent.followCode
          ? t('contact.done.anonymousFollow')
          : t('contact.done.replyIn', { time: replyTimeText(sent.replyTime) })}
      </p>
      <div className="flex flex-wrap gap-3">
        <Button
          variant="primary"
          onClick={() =>
            navigate('/portal/follow', {
              reference: sent.reference,
              ...(sent.followCode ? { anonymous: true, followCode: sent.followCode } : {}),
            })
          }
        >
          {t('contact.done.follow')}
        </Button>
        <Link to="/portal" className={buttonClass('secondary')}>
          {t('app.backHome')}
        </Link>
        <Button variant="quiet" onClick={another}>
          {t('contact.done.another')}
        </Button>
      </div>
    </div>
  );
}
