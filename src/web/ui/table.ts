/**
 * Classes for the staff tables (as on the users page): from 640 px up an ordinary table; under it each row becomes
 * a card and each cell shows its column name (from `data-label`) before its value.
 */
export const tableWrapClass =
  'overflow-x-auto rounded-lg border border-slate-200 bg-white max-sm:border-0 max-sm:bg-transparent';
export const tableClass = 'w-full text-sm max-sm:block';
export const theadClass = 'border-b border-slate-200 bg-slate-50 text-xs text-slate-700 max-sm:sr-only';
export const thClass = 'px-3 py-2.5 text-start font-medium whitespace-nowrap';
export const tbodyClass = 'divide-y divide-slate-200 max-sm:flex max-sm:flex-col max-sm:gap-3 max-sm:divide-y-0';
export const trClass =
  'hover:bg-slate-50 max-sm:block max-sm:rounded-lg max-sm:border max-sm:border-slate-200 max-sm:bg-white max-sm:p-3';
export const tdClass = 'px-3 py-2.5 align-middle max-sm:flex max-sm:items-center max-sm:gap-3 max-sm:px-0 max-sm:py-1';
export const tdLabelClass =
  'max-sm:before:w-24 max-sm:before:shrink-0 max-sm:before:text-xs max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]';
