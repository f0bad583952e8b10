import applyStrings from 'virtual:portal-strings/apply';
import type { PortalInfo } from '../data';
import { addStrings, t } from '../i18n';
import { Alert, Arabic, FieldError, fieldId, Hint } from '../ui';
import type { Errors } from '../validate';
import type { ApplyData } from './model';

addStrings({ apply: applyStrings });

/*
 * The first step, apart from the others (steps.tsx): opening /portal/apply directly shows it without fetching the
 * later steps' code, which comes when the person starts choosing (the first-load budget, docs/benchmarks.md).
 */
export type StepProps = {
  d: ApplyData;
  /** Changes answers; the errors of the fields changed (and of `clear`) go away. */
  set: (patch: Partial<ApplyData>, clear?: string[]) => void;
  errors: Errors;
  info: PortalInfo;
};

export function ServicesStep({ d, set, errors, info }: StepProps) {
  const toggle = (id: string, on: boolean) =>
    set({ serviceIds: on ? [...d.serviceIds, id] : d.serviceIds.filter((s) => s !== id) });
  if (info.services.length === 0) return <Alert tone="warning">{t('apply.services.none')}</Alert>;
  return (
    <fieldset aria-describedby={`${fieldId('serviceIds')}-hint`} className="space-y-3">
      <legend className="sr-only">{t('apply.services.title')}</legend>
      <Hint name="serviceIds">{t('apply.services.hint')}</Hint>
      <ul className="space-y-3">
        {info.services.map((service, index) => {
          const id = index === 0 ? fieldId('serviceIds') : `${fieldId('serviceIds')}-${index}`;
          const checked = d.serviceIds.includes(service.id);
          return (
            <li
              key={service.id}
              className={
                checked
                  ? 'rounded-xl border-2 border-brand-700 bg-brand-50'
                  : `rounded-xl border-2 bg-white ${errors.serviceIds ? 'border-red-700' : 'border-slate-300'}`
              }
            >
              <label htmlFor={id} className="flex min-h-14 cursor-pointer items-start gap-3 p-4">
                <input
                  id={id}
                  type="checkbox"
                  checked={checked}
                  onChange={(event) => toggle(service.id, event.target.checked)}
                  aria-describedby={[`${id}-about`, errors.serviceIds ? `${fieldId('serviceIds')}-error` : '']
                    .filter(Boolean)
                    .join(' ')}
                  className="mt-1 size-6 shrink-0 accent-brand-700"
                />
                <Arabic className="text-lg font-bold text-brand-950">{service.nameAr}</Arabic>
              </label>
              {/* The whole card is tappable: a tap on the description or documents toggles the service too. The
                  checkbox above stays the control for keyboards and screen readers. */}
              {/* biome-ignore lint/a11y/noStaticElementInteractions: a larger tap target for the checkbox above */}
              {/* biome-ignore lint/a11y/useKeyWithClickEvents: the checkbox above is the keyboard control */}
              <div
                id={`${id}-about`}
                data-testid={`service-card-${service.id}`}
                onClick={() => toggle(service.id, !checked)}
                className="cursor-pointer space-y-2 px-4 pb-4 ps-13"
              >
                <Arabic className="text-slate-800">{service.descriptionAr}</Arabic>
                {service.requiredDocuments.length > 0 ? (
                  <div className="text-sm text-slate-700">
                    <p className="font-bold">{t('apply.services.documents')}</p>
                    <ul lang="ar" className="list-disc space-y-0.5 ps-5">
                      {service.requiredDocuments.map((doc) => (
                        <li key={doc.key}>{doc.labelAr}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <FieldError name="serviceIds">{errors.serviceIds}</FieldError>
      <p className="text-sm text-slate-700">{t('apply.services.documentsNote')}</p>
    </fieldset>
  );
}
