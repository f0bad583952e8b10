import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button as AriaButton, Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { cx } from './cx';

export type DialogProps = {
  title: ReactNode;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  closeLabel: string;
  /** alertdialog for confirmations of a destructive step. */
  role?: 'dialog' | 'alertdialog';
  size?: 'sm' | 'md';
  children: ReactNode;
};

/**
 * A modal dialog: focus is trapped and returned, Escape closes it, the page behind is inert. On a phone it
 * fills the width and scrolls.
 */
export function Dialog({
  title,
  isOpen,
  onOpenChange,
  closeLabel,
  role = 'dialog',
  size = 'md',
  children,
}: DialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={role === 'dialog'}
      className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/50 p-3 sm:items-center sm:p-6"
    >
      <Modal className={cx('w-full rounded-lg bg-white shadow-xl', size === 'sm' ? 'max-w-md' : 'max-w-lg')}>
        <AriaDialog role={role} className="relative outline-none">
          {({ close }) => (
            <>
              <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
                <Heading slot="title" className="text-base font-bold text-slate-900">
                  {title}
                </Heading>
                <AriaButton
                  onPress={close}
                  aria-label={closeLabel}
                  className="-me-2 flex size-10 cursor-pointer items-center justify-center rounded-md text-slate-600 hover:bg-slate-100"
                >
                  <X aria-hidden="true" className="size-5" />
                </AriaButton>
              </div>
              <div className="px-5 py-4">{children}</div>
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
