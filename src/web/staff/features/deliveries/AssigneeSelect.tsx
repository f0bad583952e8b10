import { ChevronDown } from 'lucide-react';
import {
  Button as AriaButton,
  type Key,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { cx } from '../../../ui/cx';
import { inputClass } from '../../../ui/fields';
import type { Delivery, SessionUser, StaffRef } from '../../api-types';
import { useAssignDelivery } from './queries';

const NOBODY = 'nobody';

export type Candidate = { id: string; displayName: string; role?: string; branchId?: string | null };

/**
 * Who may take a delivery: any execution officer, or a branch representative of the delivery's branch (the server
 * checks the same). Without the assignee list, the people already assigned in view and the signed-in user.
 */
export function candidatesFor(
  delivery: Delivery,
  assignees: readonly StaffRef[] | undefined,
  fallback: readonly Candidate[],
): Candidate[] {
  const list: Candidate[] = assignees
    ? assignees.filter((a) => a.role === 'execution_officer' || a.branchId === delivery.branchId)
    : [...fallback];
  if (delivery.assigneeUserId && !list.some((c) => c.id === delivery.assigneeUserId)) {
    list.push({ id: delivery.assigneeUserId, displayName: delivery.assigneeName ?? '—' });
  }
  return list;
}

/** The people in view (already assigned) and the signed-in user: the choice when the assignee list is missing. */
export function fallbackCandidates(deliveries: readonly Delivery[], user: SessionUser): Candidate[] {
  const seen = new Map<string, Candidate>([[user.id, { id: user.id, displayName: user.displayName }]]);
  for (const d of deliveries) {
    if (d.assigneeUserId && !seen.has(d.assigneeUserId)) {
      seen.set(d.assigneeUserId, { id: d.assigneeUserId, displayName: d.assigneeName ?? '—' });
    }
  }
  return [...seen.values()];
}

/** A compact select in a table row: "assign to…", saved as soon as it is chosen. */
export function AssigneeSelect({ delivery, candidates }: { delivery: Delivery; candidates: readonly Candidate[] }) {
  const { t } = useTranslation();
  const assign = useAssignDelivery();
  const options = [{ id: NOBODY, label: t('deliveries.assign.nobody') }].concat(
    candidates.map((c) => ({ id: c.id, label: c.displayName })),
  );
  const value = assign.isPending ? (assign.variables?.assigneeUserId ?? NOBODY) : (delivery.assigneeUserId ?? NOBODY);

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <Select
        aria-label={t('deliveries.assign.label', { name: delivery.beneficiaryName })}
        value={value}
        isDisabled={assign.isPending}
        onChange={(key: Key | null) => {
          if (key === null) return;
          const id = String(key);
          assign.mutate({ id: delivery.id, assigneeUserId: id === NOBODY ? null : id });
        }}
        className="min-w-44"
      >
        <AriaButton className={cx(inputClass, 'flex cursor-pointer items-center justify-between gap-2 text-start')}>
          <SelectValue className="truncate" />
          <ChevronDown aria-hidden="true" className="size-4 shrink-0 text-slate-600" />
        </AriaButton>
        <Popover className="max-h-72 min-w-(--trigger-width) overflow-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <ListBox items={options} className="outline-none">
            {(item) => (
              <ListBoxItem
                id={item.id}
                textValue={item.label}
                className={cx(
                  'flex min-h-9 cursor-pointer items-center rounded px-3 py-1.5 text-sm text-slate-800 outline-none',
                  'data-[focused]:bg-brand-50 data-[selected]:font-medium data-[selected]:text-brand-800',
                )}
              >
                {item.label}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </Select>
      {assign.isError ? (
        <span role="alert" className="text-xs font-medium text-red-700">
          {errorMessage(assign.error)}
        </span>
      ) : null}
    </div>
  );
}
