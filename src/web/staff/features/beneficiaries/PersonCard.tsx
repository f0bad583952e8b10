import { useQuery } from '@tanstack/react-query';
import { MapPin, MessageCircle, Phone } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../../lib/api';
import { geoHref, mapsHref, telHref, whatsappHref } from '../../../lib/contact-links';
import { Fact, Facts } from '../../../ui/Facts';
import { Ltr, localMobile } from '../../../ui/Ltr';

type Card = {
  id: string;
  fullName: string;
  fileNumber: string;
  mobile: string;
  mobile2: string | null;
  preferredChannel: 'sms' | 'whatsapp' | null;
  location: { lat: number; lng: number } | null;
};

const linkClass =
  'inline-flex min-h-11 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium ' +
  'text-brand-800 hover:bg-slate-50';

/** Call and WhatsApp buttons for a mobile number (a landline gets the call only). */
export function MobileLinks({ mobile }: { mobile: string }) {
  const { t } = useTranslation();
  const chat = whatsappHref(mobile);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <a href={telHref(mobile)} className={linkClass} aria-label={`${t('person.call')} ${localMobile(mobile)}`}>
        <Phone aria-hidden="true" className="size-4" />
        <Ltr>{localMobile(mobile)}</Ltr>
      </a>
      {chat ? (
        <a href={chat} target="_blank" rel="noopener noreferrer" className={linkClass}>
          <MessageCircle aria-hidden="true" className="size-4" />
          {t('person.whatsapp')}
        </a>
      ) : null}
    </span>
  );
}

/** A pin: the https maps address (opens on iPhone and Android), with `geo:` as the extra link. */
export function MapLinks({ lat, lng, label }: { lat: number; lng: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <span className="flex flex-wrap items-center gap-2">
      <a href={mapsHref(lat, lng)} target="_blank" rel="noopener noreferrer" className={linkClass}>
        <MapPin aria-hidden="true" className="size-4" />
        {t('person.map')}
      </a>
      <a href={geoHref(lat, lng, label)} className="text-sm text-brand-800 underline underline-offset-2">
        {t('person.otherMapApp')}
      </a>
    </span>
  );
}

/**
 * "Who is this?" on a case or a contact: the person's name, file number (to the file), mobile with call and
 * WhatsApp links, the channel they prefer, and their home on the map.
 */
export function PersonCard({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const card = useQuery({
    queryKey: ['beneficiaries', beneficiaryId, 'card'],
    queryFn: ({ signal }) => api.get<Card>(`/api/beneficiaries/${encodeURIComponent(beneficiaryId)}/card`, { signal }),
  });
  return (
    <section
      aria-labelledby={`person-${beneficiaryId}`}
      className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
      data-testid="person-card"
    >
      <h2 id={`person-${beneficiaryId}`} className="mb-3 text-base font-bold text-slate-900">
        {t('person.title')}
      </h2>
      {card.isError ? <p className="text-sm text-red-700">{t('person.loadError')}</p> : null}
      {card.data ? (
        <div className="flex flex-col gap-3">
          <p className="text-lg font-bold text-slate-900">
            <bdi>{card.data.fullName}</bdi>
          </p>
          <Facts layout="narrow">
            <Fact label={t('person.fileNumber')}>
              <Link href={`/beneficiaries/${card.data.id}`} className="text-brand-800 underline underline-offset-2">
                <Ltr>{card.data.fileNumber}</Ltr>
              </Link>
            </Fact>
            <Fact label={t('person.preferredChannel')}>
              {t(`person.channels.${card.data.preferredChannel ?? 'none'}`)}
            </Fact>
          </Facts>
          <div className="flex flex-col gap-2">
            <span className="text-sm text-slate-700">{t('person.mobile')}</span>
            <MobileLinks mobile={card.data.mobile} />
            {card.data.mobile2 ? <MobileLinks mobile={card.data.mobile2} /> : null}
          </div>
          {card.data.location ? (
            <MapLinks lat={card.data.location.lat} lng={card.data.location.lng} label={card.data.fullName} />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
