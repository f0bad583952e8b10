import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './cx';

/** Sets the browser tab title: "page — وصل". */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    document.title = title ? `${title} — ${suffix}` : suffix;
  }, [title, suffix]);
}

/** The page's one h1, a short line under it, and the page's primary action at the end. */
export function PageHeader({
  title,
  subtitle,
  actions,
  documentTitle,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** The tab title, required when the heading is not plain text. */
  documentTitle?: string;
}) {
  useDocumentTitle(documentTitle ?? (typeof title === 'string' ? title : ''));
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-xl font-bold text-slate-900">{title}</h1>
        {subtitle ? <p className="mt-1 text-slate-600">{subtitle}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <section className={cx('rounded-lg border border-slate-200 bg-white p-4 sm:p-5', className)}>{children}</section>
  );
}

/** A busy indicator that screen readers announce. */
export function Loading({ label, className }: { label: string; className?: string }) {
  return (
    <div role="status" className={cx('flex items-center gap-2 py-6 text-slate-600', className)}>
      <span
        aria-hidden="true"
        className="size-4 animate-spin rounded-full border-2 border-brand-200 border-t-brand-700 motion-reduce:animate-none"
      />
      {label}
    </div>
  );
}
