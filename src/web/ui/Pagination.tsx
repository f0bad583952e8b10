import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/display';
import { Button } from './Button';

/** Previous / next page for lists that only know whether there is more (the API answers with `hasMore`). */
export function Pagination({
  page,
  hasMore,
  onPageChange,
  label,
}: {
  page: number;
  hasMore: boolean;
  onPageChange: (page: number) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-3">
      <Button isDisabled={page <= 1} onPress={() => onPageChange(page - 1)}>
        <ChevronRight aria-hidden="true" className="size-4 ltr:-scale-x-100" />
        {t('pagination.previous')}
      </Button>
      <span className="text-slate-700">{t('pagination.page', { page: format.number(page) })}</span>
      <Button isDisabled={!hasMore} onPress={() => onPageChange(page + 1)}>
        {t('pagination.next')}
        <ChevronLeft aria-hidden="true" className="size-4 ltr:-scale-x-100" />
      </Button>
    </nav>
  );
}
