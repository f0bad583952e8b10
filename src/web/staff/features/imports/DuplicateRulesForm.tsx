import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUPLICATE_RULES, type DuplicateRules } from '../../../../common/domain/duplicates';
import { api, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { Card, Loading } from '../../../ui/Page';
import { numberInputClass, parseWhole } from '../beneficiaries/form-values';

type RulesAnswer = { rules: DuplicateRules; defaults: DuplicateRules };
const KEY = ['duplicate-rules'];

type Draft = Record<string, string>;
const toDraft = (rules: DuplicateRules, show: (n: number) => string): Draft => ({
  ...Object.fromEntries(DUPLICATE_RULES.map((r) => [r, show(rules.weights[r])])),
  threshold: show(rules.threshold),
});

/** Reads the draft as rules; null when a box is not a whole number in its range (the server checks the same). */
function fromDraft(draft: Draft): DuplicateRules | null {
  const weights = {} as DuplicateRules['weights'];
  for (const rule of DUPLICATE_RULES) {
    const n = parseWhole(draft[rule] ?? '');
    if (n === null || n > 100) return null;
    weights[rule] = n;
  }
  const threshold = parseWhole(draft.threshold ?? '');
  if (threshold === null || threshold < 10 || threshold > 100) return null;
  return { weights, threshold };
}

/** The admin's screen for the duplicate rules: a weight per rule, the threshold, a preview, and save. */
export function DuplicateRulesForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: KEY, queryFn: () => api.get<RulesAnswer>('/api/duplicate-rules') });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [invalid, setInvalid] = useState(false);
  const preview = useMutation({
    mutationFn: (rules: DuplicateRules) => api.post<{ pairs: number }>('/api/duplicate-rules/preview', rules),
  });
  const save = useMutation({
    mutationFn: (rules: DuplicateRules) => api.patch<RulesAnswer>('/api/duplicate-rules', rules),
    onSuccess: (answer) => queryClient.setQueryData(KEY, answer),
  });
  if (!current.data) {
    return current.error ? (
      <ErrorAlert>{errorMessage(current.error)}</ErrorAlert>
    ) : (
      <Loading label={t('duplicateRules.title')} />
    );
  }
  const show = (n: number) => format.number(n);
  const values = draft ?? toDraft(current.data.rules, show);
  const edit = (key: string) => (text: string) => {
    save.reset();
    preview.reset();
    setInvalid(false);
    setDraft({ ...values, [key]: text });
  };
  const checked = (run: (rules: DuplicateRules) => void) => {
    const rules = fromDraft(values);
    setInvalid(!rules);
    if (rules) run(rules);
  };

  return (
    <Card className="flex max-w-2xl flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        {DUPLICATE_RULES.map((rule) => (
          <TextField
            key={rule}
            label={t(`duplicates.reasons.${rule}`)}
            description={t('duplicateRules.weightHelp')}
            value={values[rule] ?? ''}
            onChange={edit(rule)}
            inputMode="numeric"
            inputClassName={numberInputClass}
          />
        ))}
        <TextField
          label={t('duplicateRules.threshold')}
          value={values.threshold ?? ''}
          onChange={edit('threshold')}
          inputMode="numeric"
          inputClassName={numberInputClass}
        />
      </div>
      {invalid ? <ErrorAlert>{t('duplicateRules.invalid')}</ErrorAlert> : null}
      {preview.error || save.error ? <ErrorAlert>{errorMessage(preview.error ?? save.error)}</ErrorAlert> : null}
      {preview.data ? (
        <p role="status">{t('duplicateRules.previewResult', { pairs: format.number(preview.data.pairs) })}</p>
      ) : null}
      {save.isSuccess ? <SuccessNotice>{t('duplicateRules.saved')}</SuccessNotice> : null}
      <div className="flex flex-wrap gap-2">
        <Button isPending={preview.isPending} onPress={() => checked((rules) => preview.mutate(rules))}>
          {t('duplicateRules.preview')}
        </Button>
        <Button variant="primary" isPending={save.isPending} onPress={() => checked((rules) => save.mutate(rules))}>
          {t('duplicateRules.save')}
        </Button>
        <Button variant="ghost" onPress={() => setDraft(toDraft(current.data.defaults, show))}>
          {t('duplicateRules.reset')}
        </Button>
      </div>
    </Card>
  );
}
