import { toArabicDigits } from '../../common/arabic';
import { useDisplay } from '../lib/display';
import { cx } from './cx';

/**
 * Numbers, IDs and phone numbers inside Arabic text: isolated and left to right, so they never reorder the words
 * around them. Digits follow the user's preference, except in codes that carry Latin letters ("APP-2026-00001"),
 * which stay as printed on paper.
 *
 * Arabic-Indic digits are "Arabic numbers" to the bidi algorithm: the spaces and dashes between them take a
 * right-to-left direction even inside a left-to-right span, so "٠٥٠ ١٢٣ ٤٥٦٧" would show its groups reversed.
 * Text made only of digits and separators is therefore laid out strictly in the order written (isolate-override).
 */
export function Ltr({ children, className }: { children: string; className?: string }) {
  const { digits } = useDisplay();
  const hasLetters = /\p{L}/u.test(children);
  const text = digits === 'arab' && !hasLetters ? toArabicDigits(children) : children;
  return (
    <bdi dir="ltr" className={cx(!hasLetters && '[unicode-bidi:isolate-override]', className)}>
      {text}
    </bdi>
  );
}

/** A Saudi mobile number in E.164 (+9665XXXXXXXX) written the local way, "05X XXX XXXX"; anything else unchanged. */
export function localMobile(e164: string): string {
  const match = /^\+966(5\d)(\d{3})(\d{4})$/.exec(e164);
  return match ? `0${match[1]} ${match[2]} ${match[3]}` : e164;
}
