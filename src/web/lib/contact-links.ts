/**
 * The links staff screens put on a person and a place, in one spot so they open the same everywhere: a call, a
 * WhatsApp chat, and a map that opens on iPhone and Android alike (an https maps address; `geo:` only as an
 * extra, since iOS does not open it).
 */

/** International digits without "+" ("+966501234567", "0501234567" → "966501234567"), or null if not a mobile. */
function internationalDigits(mobile: string): string | null {
  const digits = mobile.replace(/[^\d]/g, '');
  if (/^9665\d{8}$/.test(digits)) return digits;
  if (/^05\d{8}$/.test(digits)) return `966${digits.slice(1)}`;
  if (/^5\d{8}$/.test(digits)) return `966${digits}`;
  return null;
}

export function telHref(mobile: string): string {
  const digits = internationalDigits(mobile);
  return digits ? `tel:+${digits}` : `tel:${mobile.replace(/[^\d+]/g, '')}`;
}

/** WhatsApp click-to-chat (https://wa.me/9665…), or null for a number WhatsApp cannot take. */
export function whatsappHref(mobile: string, text?: string): string | null {
  const digits = internationalDigits(mobile);
  if (!digits) return null;
  return `https://wa.me/${digits}${text ? `?text=${encodeURIComponent(text)}` : ''}`;
}

/** A pin in the maps app on either phone (and in a browser on a desktop). */
export function mapsHref(lat: number, lng: number): string {
  return `https://www.google.com/maps/search/?api=1&query=${lat},${lng}`;
}

/** The same pin for Android's own choice of maps app; offered only next to `mapsHref`. */
export function geoHref(lat: number, lng: number, label?: string): string {
  return `geo:${lat},${lng}?q=${lat},${lng}${label ? `(${encodeURIComponent(label)})` : ''}`;
}
