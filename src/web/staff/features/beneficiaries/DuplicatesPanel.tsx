import { TriangleAlert } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../../../lib/display';
import { Button } from '../../../ui/Button';
import { Ltr } from '../../../ui/Ltr';
import type { DuplicatesDetails } from '../../api-types';
import { useEnumLabel } from './labels';
import { BeneficiaryStatusBadge } from './StatusBadge';

/**
 * Files that may be the same person (same mobile, or same name and birth year). The officer opens them to check,
 * then either stops or confirms this is someone else, which registers the file.
 */
export function DuplicatesPanel({
  details,
  onConfirm,
  isPending,
}: {
  details: DuplicatesDetails;
  onConfirm: () => void;
  isPending: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section
      aria-labelledby="duplicates-title"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 sm:p-5"
    >
      <h2 id="duplicates-title" ref={heading} tabIndex={-1} className="flex items-center gap-2 text-base font-bold">
        <TriangleAlert aria-hidden="true" className="size-5 shrink-0 text-amber-700" />
        {t('registration.duplicates.title')}
      </h2>
      <p className="mt-1">{t('registration.duplicates.body')}</p>
      <ul className="mt-3 flex flex-col gap-2">
        {details.candidates.map((c) => (
          <li key={c.id} className="rounded-md border border-amber-200 bg-white p-3 text-slate-900">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link
                href={`/beneficiaries/${c.id}`}
                target="_blank"
                className="font-medium text-brand-800 underline underline-offset-2"
              >
                {c.fullName}
              </Link>
              <BeneficiaryStatusBadge status={c.status} />
            </div>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
              <span>
                {t('file.fileNumber')}: <Ltr>{c.fileNumber}</Ltr>
              </span>
              <span>
                {t('file.nationalId')}: <Ltr>{c.nationalId}</Ltr>
              </span>
              <span>
                {t('file.mobile')}: <Ltr>{c.mobileLocal}</Ltr>
              </span>
              <span className="font-medium text-amber-900">{enumLabel('duplicateReason', c.reason)}</span>
            </div>
          </li>
        ))}
      </ul>
      {details.hiddenCount > 0 ? (
        <p className="mt-2">{t('registration.duplicates.hidden', { n: format.number(details.hiddenCount) })}</p>
      ) : null}
      <div className="mt-4">
        <Button variant="primary" isPending={isPending} onPress={onConfirm}>
          {isPending ? t('registration.submitting') : t('registration.duplicates.confirm')}
        </Button>
      </div>
    </section>
  );
}
