import { cx } from '../../../ui/cx';

/**
 * A message as the beneficiary's phone (or mail box) would show it: the subject for e-mail, then the text, in
 * its own direction (Arabic right to left), long links wrapped.
 */
export function MessageBubble({
  channel,
  subject,
  body,
  className,
}: {
  channel: string;
  subject?: string | null;
  body: string;
  className?: string;
}) {
  const isEmail = channel === 'email';
  return (
    <div
      className={cx(
        'max-w-md rounded-2xl px-4 py-3 text-sm leading-relaxed text-slate-900 shadow-sm',
        isEmail ? 'rounded-md border border-slate-200 bg-white' : 'rounded-se-sm',
        channel === 'whatsapp' ? 'bg-emerald-50 ring-1 ring-emerald-100' : !isEmail && 'bg-slate-100',
        className,
      )}
    >
      {isEmail && subject ? (
        <p dir="auto" className="mb-1 border-b border-slate-100 pb-1 font-bold">
          {subject}
        </p>
      ) : null}
      <p dir="auto" className="whitespace-pre-wrap [overflow-wrap:anywhere]">
        {body}
      </p>
    </div>
  );
}
