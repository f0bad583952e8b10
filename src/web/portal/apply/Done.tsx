import applyStrings from 'virtual:portal-strings/apply';
import { DecisionPromise, type ReplyTime, replyTimeText } from '../code';
import type { RequiredDocument } from '../data';
import { addStrings, t } from '../i18n';
import { CircleCheck } from '../icons';
import { Link } from '../router';
import { DocumentUpload } from '../Upload';
import { Button, buttonClass, Card, Heading, KeepValue } from '../ui';

addStrings({ apply: applyStrings });

export type ApplyResult =
  | {
      outcome: 'application';
      reference: string;
      decisionDays: number;
      token: string;
      issuedAt: number;
      documents: RequiredDocument[];
    }
  /** Not linked to a file automatically: staff call first (the answer never says why). */
  | { outcome: 'review'; reference: string; replyTime: ReplyTime; issuedAt: number };

// The server's upload permission lasts 30 minutes; stop offering uploads here a little before.
const UPLOAD_MINUTES = 28;

/** The answer to a sent application: its number to keep, the expected decision date, and the documents to add. */
export function ApplyDone({ result, onNew }: { result: ApplyResult; onNew: () => void }) {
  if (result.outcome !== 'application') return <ReviewDone result={result} onNew={onNew} />;
  const canUpload = Date.now() - result.issuedAt < UPLOAD_MINUTES * 60_000;
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3">
        <CircleCheck aria-hidden="true" className="size-10 shrink-0 text-green-700" />
        <Heading title={t('apply.done.title')}>{t('apply.done.title')}</Heading>
      </div>
      <div className="space-y-2">
        <KeepValue label={t('apply.done.reference')} value={result.reference} testId="application-reference" />
        <p className="font-bold">{t('apply.done.keep')}</p>
      </div>
      <DecisionPromise days={result.decisionDays} expected={null} raisedOn={null} />
      {result.documents.length > 0 ? (
        <section aria-labelledby="documents-title" className="space-y-3">
          <h2 id="documents-title" className="text-xl font-bold">
            {t('apply.done.documents')}{' '}
            <span className="text-base font-normal text-slate-700">({t('app.optional')})</span>
          </h2>
          {canUpload ? (
            <>
              <p>{t('apply.done.documentsText')}</p>
              <ul className="space-y-3">
                {result.documents.map((doc) => (
                  <DocumentUpload
                    key={doc.key}
                    reference={result.reference}
                    token={result.token}
                    kind={doc.key}
                    label={doc.labelAr}
                  />
                ))}
              </ul>
            </>
          ) : (
            <p>{t('apply.done.documentsLater')}</p>
          )}
        </section>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Link to="/portal/track" state={{ reference: result.reference }} className={buttonClass('primary')}>
          {t('apply.done.track')}
        </Link>
        <Link to="/portal" className={buttonClass('secondary')}>
          {t('app.backHome')}
        </Link>
        <Button variant="quiet" onClick={onNew}>
          {t('apply.done.newApplication')}
        </Button>
      </div>
    </div>
  );
}

function ReviewDone({ result, onNew }: { result: Extract<ApplyResult, { outcome: 'review' }>; onNew: () => void }) {
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3">
        <CircleCheck aria-hidden="true" className="size-10 shrink-0 text-green-700" />
        <Heading title={t('apply.done.reviewTitle')}>{t('apply.done.reviewTitle')}</Heading>
      </div>
      <Card className="space-y-2">
        <p className="text-lg">{t('apply.done.reviewText')}</p>
        <p className="font-bold">{t('apply.done.reviewWhen', { time: replyTimeText(result.replyTime) })}</p>
      </Card>
      <div className="space-y-2">
        <KeepValue label={t('apply.done.reviewReference')} value={result.reference} testId="review-reference" />
        <p>{t('apply.done.reviewKeep')}</p>
      </div>
      <div className="flex flex-wrap gap-3">
        <Link to="/portal/follow" state={{ reference: result.reference }} className={buttonClass('primary')}>
          {t('apply.done.followReview')}
        </Link>
        <Link to="/portal" className={buttonClass('secondary')}>
          {t('app.backHome')}
        </Link>
        <Button variant="quiet" onClick={onNew}>
          {t('apply.done.newApplication')}
        </Button>
      </div>
    </div>
  );
}
