import { describe, expect, it } from 'vitest';
import { geoHref, mapsHref, telHref, whatsappHref } from './contact-links';

describe('contact and map links', () => {
  it('calls and chats on the international number, whatever form it was stored in', () => {
    for (const stored of ['+966501234567', '0501234567', '966501234567', '050 123 4567']) {
      expect(telHref(stored)).toBe('tel:+966501234567');
      expect(whatsappHref(stored)).toBe('https://wa.me/966501234567');
    }
    expect(whatsappHref('+966501234567', 'السلام عليكم')).toBe(
      `https://wa.me/966501234567?text=${encodeURIComponent('السلام عليكم')}`,
    );
    // A landline has no WhatsApp chat, but can still be called.
    expect(whatsappHref('0163331144')).toBeNull();
    expect(telHref('0163331144')).toBe('tel:0163331144');
  });

  it('opens a pin with an https maps address, and a geo: link only as the extra', () => {
    expect(mapsHref(26.24, 43.55)).toBe('https://www.google.com/maps/search/?api=1&query=26.24,43.55');
    expect(mapsHref(26.24, 43.55).startsWith('https://')).toBe(true);
    expect(geoHref(26.24, 43.55)).toBe('geo:26.24,43.55?q=26.24,43.55');
    expect(geoHref(26.24, 43.55, 'بيت محمد')).toBe(`geo:26.24,43.55?q=26.24,43.55(${encodeURIComponent('بيت محمد')})`);
  });
});
