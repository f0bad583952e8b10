import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import type { BeneficiaryFile } from '../../api-types';
import { useUpdateBeneficiary } from './queries';

/**
 * On the file: people at home against the applicant plus the listed members. A confirmed difference says which
 * number the score uses; an unconfirmed one (a file from the portal) offers staff the confirmation.
 */
export function HouseholdCheckNotice({ file, canConfirm }: { file: BeneficiaryFile; canConfirm: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateBeneficiary(file.id);
  const check = file.householdCheck;
  if (!check.mismatch) return null;
  const figures = { stated: format.number(file.water.peopleAtHome), listed: format.number(check.listed) };
  if (check.confirmedSize !== null) {
    return (
      <p
        className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800"
        data-testid="household-check"
      >
        {t('householdCheck.mismatch', figures)}{' '}
        {t('householdCheck.confirmed', { count: format.number(check.confirmedSize) })}
      </p>
    );
  }
  return (
    <div
      role="alert"
      className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      data-testid="household-check"
    >
      <p>
        {t('householdCheck.mismatch', figures)} {t('householdCheck.unconfirmed')}
      </p>
      {canConfirm ? (
        <Button
          className="min-h-11 self-start"
          isPending={update.isPending}
          onPress={() => update.mutate({ householdConfirmed: true })}
        >
          {t('householdCheck.confirmButton')}
        </Button>
      ) : null}
      {update.error ? <ErrorAlert>{errorMessage(update.error)}</ErrorAlert> : null}
    </div>
  );
}
