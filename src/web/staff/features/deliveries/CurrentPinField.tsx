import { LocateFixed } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/display';
import { Button } from '../../../ui/Button';
import { Ltr } from '../../../ui/Ltr';
import type { useCurrentPin } from './useCurrentPin';

/** "Use my location" with the pin it found (or why it found none), for records made at the beneficiary's door. */
export function CurrentPinField({ label, state }: { label: string; state: ReturnType<typeof useCurrentPin> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { pin, locating, problem, supported, locate } = state;
  return (
    <div className="flex flex-col gap-1">
      <span className="text-sm font-medium text-slate-800">{label}</span>
      <div className="flex flex-wrap items-center gap-2">
        {supported ? (
          <Button onPress={locate} isPending={locating} className="min-h-11">
            <LocateFixed aria-hidden="true" className="size-5" />
            {locating ? t('registration.fields.locating') : t('registration.fields.myLocation')}
          </Button>
        ) : null}
        {pin ? (
          <span className="text-slate-700">
            <Ltr>{`${pin.lat}, ${pin.lng}`}</Ltr>
          </span>
        ) : null}
      </div>
      <p role="status" className={problem ? 'text-xs font-medium text-red-700' : 'text-xs text-emerald-800'}>
        {problem ?? (pin ? t('registration.fields.locationFilled', { meters: format.number(pin.accuracy) }) : null)}
      </p>
    </div>
  );
}
