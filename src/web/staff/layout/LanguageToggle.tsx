import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { UiLocale } from '../../lib/i18n';
import { cx } from '../../ui/cx';

/**
 * One button that offers the other language, written in that language ("English" / "العربية") and marked
 * with its `lang` so screen readers pronounce it right.
 */
export function LanguageToggle({
  onChange,
  isPending,
  className,
}: {
  onChange: (locale: UiLocale) => void;
  isPending?: boolean;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const other: UiLocale = i18n.language === 'en' ? 'ar' : 'en';
  const otherName = t(`language.names.${other}`);
  return (
    <button
      type="button"
      disabled={isPending}
      onClick={() => onChange(other)}
      title={t('language.switchTo', { language: otherName })}
      className={cx(
        'flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-50 disabled:cursor-wait',
        className,
      )}
    >
      <Languages aria-hidden="true" className="size-4 text-slate-600" />
      <span lang={other} dir={other === 'ar' ? 'rtl' : 'ltr'}>
        {otherName}
      </span>
    </button>
  );
}
