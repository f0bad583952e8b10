import { Plus, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_CATEGORIES } from '../../../../common/domain/messaging';
import { Button } from '../../../ui/Button';
import { Checkbox, TextField } from '../../../ui/fields';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { SelectField } from '../../../ui/SelectField';
import type { MessageCategory, WhatsAppMapping } from './messaging-types';

/** Words of the message rules (categories, reasons, delivery states) from the `messaging` namespace. */
export function useMessagingWords() {
  const { t } = useTranslation();
  type Words = Record<string, string>;
  const categories = t('messaging.categories', { returnObjects: true }) as unknown as Words;
  const categoryHelp = t('messaging.categoryHelp', { returnObjects: true }) as unknown as Words;
  const reasons = t('messaging.reasons', { returnObjects: true }) as unknown as Words;
  const delivery = t('messaging.delivery', { returnObjects: true }) as unknown as Words;
  return {
    category: (c: string) => categories[c] ?? c,
    categoryHelp: (c: string) => categoryHelp[c] ?? '',
    reason: (r: string) => reasons[r] ?? r,
    delivery: (d: string) => delivery[d] ?? d,
  };
}

/**
 * The template's category (service, awareness, promotional) and, on the WhatsApp channel, the approved WhatsApp
 * template it maps to: its name, language and which variable fills each numbered parameter.
 */
export function TemplateRules({
  channel,
  allowed,
  describe,
  category,
  onCategory,
  mapping,
  onMapping,
}: {
  channel: string;
  allowed: string[];
  describe: (name: string) => string;
  category: MessageCategory;
  onCategory: (c: MessageCategory) => void;
  mapping: WhatsAppMapping | null;
  onMapping: (m: WhatsAppMapping | null) => void;
}) {
  const { t } = useTranslation();
  const words = useMessagingWords();
  const options = allowed.map((name) => ({ id: name, label: `${describe(name)} — {{${name}}}` }));
  return (
    <div className="flex flex-col gap-4">
      <RadioGroupField
        label={t('messaging.category')}
        value={category}
        onChange={(v) => onCategory(v as MessageCategory)}
        options={MESSAGE_CATEGORIES.map((c) => ({
          id: c,
          label: words.category(c),
          description: words.categoryHelp(c),
        }))}
      />
      {channel === 'whatsapp' ? (
        <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-bold text-slate-800">{t('messaging.mapping.title')}</legend>
          <p className="text-xs text-slate-600">{t('messaging.mapping.help')}</p>
          <Checkbox
            isSelected={mapping !== null}
            onChange={(on) => onMapping(on ? { name: '', language: 'ar', params: [] } : null)}
          >
            {t('messaging.mapping.enabled')}
          </Checkbox>
          {mapping ? (
            <>
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField
                  label={t('messaging.mapping.name')}
                  description={t('messaging.mapping.nameHelp')}
                  value={mapping.name}
                  onChange={(name) => onMapping({ ...mapping, name })}
                  isRequired
                  ltr
                  maxLength={512}
                  validate={(v) => (/^[a-z0-9_]{1,512}$/.test(v.trim()) ? null : t('messaging.mapping.nameInvalid'))}
                />
                <TextField
                  label={t('messaging.mapping.language')}
                  description={t('messaging.mapping.languageHelp')}
                  value={mapping.language}
                  onChange={(language) => onMapping({ ...mapping, language })}
                  isRequired
                  ltr
                  maxLength={6}
                  validate={(v) =>
                    /^[a-z]{2,3}(_[A-Z]{2})?$/.test(v.trim()) ? null : t('messaging.mapping.languageInvalid')
                  }
                />
              </div>
              <ol className="flex flex-col gap-2">
                {mapping.params.map((param, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: parameters are positional ({{1}}, {{2}} …)
                  <li key={i} className="flex items-end gap-2">
                    <SelectField
                      className="min-w-0 flex-1"
                      label={t('messaging.mapping.param', { n: i + 1 })}
                      options={options}
                      value={param}
                      onChange={(v) =>
                        onMapping({ ...mapping, params: mapping.params.map((p, j) => (j === i ? (v ?? p) : p)) })
                      }
                    />
                    <Button
                      variant="ghost"
                      className="min-h-11 px-2"
                      aria-label={t('messaging.mapping.removeParam', { n: i + 1 })}
                      onPress={() => onMapping({ ...mapping, params: mapping.params.filter((_, j) => j !== i) })}
                    >
                      <X aria-hidden="true" className="size-4" />
                    </Button>
                  </li>
                ))}
              </ol>
              {allowed.length > 0 && mapping.params.length < 10 ? (
                <div>
                  <Button
                    className="min-h-9 px-3"
                    onPress={() => onMapping({ ...mapping, params: [...mapping.params, allowed[0]!] })}
                  >
                    <Plus aria-hidden="true" className="size-4" />
                    {t('messaging.mapping.addParam')}
                  </Button>
                </div>
              ) : null}
            </>
          ) : (
            <p className="rounded-md bg-amber-50 p-2 text-xs text-amber-950">{t('messaging.mapping.none')}</p>
          )}
        </fieldset>
      ) : null}
    </div>
  );
}
