import type { ReactNode } from 'react';
import {
  Tab as AriaTab,
  TabList as AriaTabList,
  TabPanel as AriaTabPanel,
  Tabs as AriaTabs,
  type Key,
} from 'react-aria-components';
import { cx } from './cx';

export type TabItem = { id: string; label: ReactNode; content: ReactNode };

/**
 * Sections of one page as tabs (arrow keys move between them, right to left aware). On a phone the row of tabs
 * scrolls sideways instead of wrapping.
 */
export function Tabs({
  label,
  items,
  selectedKey,
  onSelectionChange,
}: {
  label: string;
  items: readonly TabItem[];
  selectedKey?: string;
  onSelectionChange?: (key: string) => void;
}) {
  return (
    <AriaTabs
      selectedKey={selectedKey}
      onSelectionChange={onSelectionChange ? (key: Key) => onSelectionChange(String(key)) : undefined}
      className="flex flex-col"
    >
      <AriaTabList
        aria-label={label}
        items={items}
        className="-mx-4 flex gap-1 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0"
      >
        {(item) => (
          <AriaTab
            id={item.id}
            className={cx(
              'relative -mb-px flex min-h-11 cursor-pointer items-center border-b-2 border-transparent px-2.5 text-sm font-medium whitespace-nowrap text-slate-700 outline-none sm:px-3',
              'hover:text-slate-900 data-[selected]:border-brand-700 data-[selected]:text-brand-800',
              'data-[focus-visible]:rounded-t-md',
            )}
          >
            {item.label}
          </AriaTab>
        )}
      </AriaTabList>
      {items.map((item) => (
        <AriaTabPanel key={item.id} id={item.id} className="pt-4 outline-none">
          {item.content}
        </AriaTabPanel>
      ))}
    </AriaTabs>
  );
}
