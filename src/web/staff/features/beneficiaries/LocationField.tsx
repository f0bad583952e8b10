import { LocateFixed } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/display';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { checkPin, numberInputClass } from './form-values';

export type PinValue = { lat: string; lng: string };

/**
 * The home's pin: "موقعي الحالي" fills it from the phone's location (the representative stands at the home),
 * or the coordinates are typed. Optional; when given it must fall inside Saudi Arabia.
 */
export function LocationField({
  value,
  onChange,
  error,
}: {
  value: PinValue;
  onChange: (value: PinValue) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [locating, setLocating] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  function locate() {
    setMessage(null);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const next = { lat: position.coords.latitude.toFixed(6), lng: position.coords.longitude.toFixed(6) };
        if (checkPin(next.lat, next.lng) === 'outside') {
          setMessage({ kind: 'error', text: t('registration.fields.locationOutside') });
          return;
        }
        onChange(next);
        setMessage({
          kind: 'ok',
          text: t('registration.fields.locationFilled', {
            meters: format.number(Math.round(position.coords.accuracy)),
          }),
        });
      },
      (failure) => {
        setLocating(false);
        setMessage({
          kind: 'error',
          text:
            failure.code === failure.PERMISSION_DENIED
              ? t('registration.fields.locationDenied')
              : t('registration.fields.locationUnavailable'),
        });
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  const check = checkPin(value.lat, value.lng);
  const pinError =
    error ??
    (check === 'partial'
      ? t('registration.fields.locationBoth')
      : check === 'outside'
        ? t('registration.fields.locationOutside')
        : null);
  const coordinate = (text: string) =>
    checkPin(text, '0') === 'invalid' && text.trim() ? t('registration.fields.coordinateInvalid') : null;

  return (
    <fieldset className="flex flex-col gap-2 sm:col-span-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">{t('registration.fields.location')}</legend>
      <p className="text-xs text-slate-600">{t('registration.fields.locationHelp')}</p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        {supported ? (
          <Button onPress={locate} isPending={locating} className="shrink-0">
            <LocateFixed aria-hidden="true" className="size-4" />
            {locating ? t('registration.fields.locating') : t('registration.fields.myLocation')}
          </Button>
        ) : null}
        <div className="grid flex-1 grid-cols-2 gap-3">
          <TextField
            label={t('registration.fields.lat')}
            name="location.lat"
            value={value.lat}
            onChange={(lat) => onChange({ ...value, lat })}
            validate={coordinate}
            ltr
            inputClassName={numberInputClass}
            inputProps={{ inputMode: 'decimal', autoComplete: 'off' }}
          />
          <TextField
            label={t('registration.fields.lng')}
            name="location.lng"
            value={value.lng}
            onChange={(lng) => onChange({ ...value, lng })}
            validate={coordinate}
            ltr
            inputClassName={numberInputClass}
            inputProps={{ inputMode: 'decimal', autoComplete: 'off' }}
          />
        </div>
      </div>
      <p
        role="status"
        className={message?.kind === 'error' ? 'text-xs font-medium text-red-700' : 'text-xs text-emerald-800'}
      >
        {message?.text}
      </p>
      {pinError ? <p className="text-xs font-medium text-red-700">{pinError}</p> : null}
    </fieldset>
  );
}
