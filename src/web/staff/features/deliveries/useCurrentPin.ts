import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoPoint } from '../../api-types';

/** The server takes a pin inside Saudi Arabia only. */
const inKingdom = (p: GeoPoint) => p.lat >= 16 && p.lat <= 33 && p.lng >= 34 && p.lng <= 56;

/**
 * The phone's current location as a pin for a record made at the beneficiary's door (a delivery, a home
 * inspection): asked for on a button press, with a translated problem when it is refused or outside the Kingdom.
 */
export function useCurrentPin() {
  const { t } = useTranslation();
  const [pin, setPin] = useState<(GeoPoint & { accuracy: number }) | null>(null);
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  function locate() {
    setProblem(null);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const next = {
          lat: Number(position.coords.latitude.toFixed(6)),
          lng: Number(position.coords.longitude.toFixed(6)),
          accuracy: Math.round(position.coords.accuracy),
        };
        if (!inKingdom(next)) {
          setProblem(t('registration.fields.locationOutside'));
          return;
        }
        setPin(next);
      },
      (failure) => {
        setLocating(false);
        setProblem(
          failure.code === failure.PERMISSION_DENIED
            ? t('registration.fields.locationDenied')
            : t('registration.fields.locationUnavailable'),
        );
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  return { pin, locating, problem, supported, locate };
}
