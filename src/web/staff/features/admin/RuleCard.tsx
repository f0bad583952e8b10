import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../../common/arabic';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { useSaveRule } from './queries';
import { Switch } from './Switch';
import type { OutreachCounts, OutreachRule } from './types';

/** Each rule's one parameter and its allowed range (the server checks the same: common/domain/outreach.ts). */
export const RULE_PARAM: Record<string, { name: string; min: number; max: number }> = {
  delivery_due: { name: 'daysBefore', min: 0, max: 30 },
  no_contact: { name: 'days', min: 7, max: 730 },
  application_stalled: { name: 'graceDays', min: 0, max: 60 },
  reverification_due: { name: 'daysBefore', min: 0, max: 120 },
  low_satisfaction: { name: 'maxRating', min: 1, max: 4 },
};

/** Rules that act when something happens (a low rating arrives), not in the daily run. */
const INSTANT = new Set(['low_satisfaction']);

type RuleWords = { title: string; description: string; param: string };

/** A rule's name, what it does and its parameter's label; an unknown rule shows its key. */
export function useRuleWords(key: string): RuleWords {
  const { t } = useTranslation();
  const rules = t('admin.outreach.rules', { returnObjects: true }) as unknown as Record<string, RuleWords>;
  return rules[key] ?? { title: key, description: '', param: RULE_PARAM[key]?.name ?? '' };
}

function parseWhole(text: string): number | null {
  const clean = toLatinDigits(text).trim();
  return /^\d{1,4}$/.test(clean) ? Number(clean) : null;
}

/**
 * One proactive rule: what it finds, on or off, its parameter, and what its last run created. The admin edits;
 * the manager reads.
 */
export function RuleCard({
  rule,
  last,
  canEdit,
  onSaved,
}: {
  rule: OutreachRule;
  last: OutreachCounts | undefined;
  canEdit: boolean;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveRule();
  const param = RULE_PARAM[rule.key];
  const current = param ? (rule.params[param.name] ?? param.min) : null;
  const [text, setText] = useState(current === null ? '' : String(current));
  // After a save the server's value comes back: show it (React's way of resetting state from a prop).
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setText(current === null ? '' : String(current));
  }
  const value = parseWhole(text);
  const valid = param ? value !== null && value >= param.min && value <= param.max : true;
  const words = useRuleWords(rule.key);
  const title = words.title;
  const headingId = `rule-${rule.key}`;

  function persist(next: { enabled: boolean; params: Record<string, number> }, message: string) {
    save.mutate({ key: rule.key, ...next }, { onSuccess: () => onSaved(message) });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!param || value === null || !valid) return;
    persist(
      { enabled: rule.enabled, params: { ...rule.params, [param.name]: value } },
      t('admin.outreach.saved', { rule: title }),
    );
  }

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="font-bold text-slate-900">
            {title}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{words.description}</p>
        </div>
        <span className="shrink-0">
          <Badge tone={rule.enabled ? 'success' : 'neutral'}>
            {rule.enabled ? t('admin.outreach.enabled') : t('admin.outreach.disabled')}
          </Badge>
        </span>
      </div>

      {canEdit ? (
        <Switch
          isSelected={rule.enabled}
          isDisabled={save.isPending}
          onChange={(enabled) =>
            persist(
              { enabled, params: rule.params },
              t(enabled ? 'admin.outreach.turnedOn' : 'admin.outreach.turnedOff', { rule: title }),
            )
          }
        >
          {t('admin.outreach.toggle')}
          <span className="sr-only"> — {title}</span>
        </Switch>
      ) : null}

      {param ? (
        canEdit ? (
          <Form onSubmit={submit} className="flex flex-wrap items-end gap-2">
            <TextField
              label={words.param}
              description={t('admin.outreach.range', { min: format.number(param.min), max: format.number(param.max) })}
              value={text}
              onChange={setText}
              isRequired
              ltr
              inputClassName="rtl:text-right"
              className="w-56"
              isInvalid={!valid}
              errorMessage={valid ? undefined : t('admin.outreach.outOfRange')}
              inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
            />
            <Button type="submit" isPending={save.isPending} isDisabled={!valid || value === current} className="mb-5">
              {t('admin.outreach.save')}
            </Button>
          </Form>
        ) : (
          <p className="text-sm text-slate-800">
            <span className="text-slate-600">{words.param}: </span>
            <span className="font-medium tabular-nums">{current === null ? '' : format.number(current)}</span>
          </p>
        )
      ) : null}

      <p className="text-xs text-slate-600">
        {INSTANT.has(rule.key)
          ? t('admin.outreach.instant')
          : last
            ? t('admin.outreach.lastRun', { tasks: format.number(last.tasks), messages: format.number(last.messages) })
            : t('admin.outreach.neverRun')}
      </p>
      {save.isError ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
    </section>
  );
}
