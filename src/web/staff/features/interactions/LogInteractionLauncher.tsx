import { PhoneCall } from 'lucide-react';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { lazyPage } from '../../../lib/i18n';
import { Kbd } from '../../../ui/Kbd';
import { useKeyboardShortcut } from '../../../ui/shortcut';
import { closeLogInteraction, openLogInteraction, useLogRequest } from './log-store';

// The dialog (beneficiary search, case fields) loads on first use, keeping the shell's download small.
const LogInteractionDialog = lazyPage(() => import('./LogInteractionDialog'));

/**
 * "تسجيل تواصل" in the header, on every page, and Alt+L: log a call, visit or message in two clicks — and, when it
 * needs follow-up, open a case from it. Also hosts the dialog when a beneficiary's file opens it.
 */
export function LogInteractionLauncher() {
  const { t } = useTranslation();
  const request = useLogRequest();
  const [location] = useLocation();
  useKeyboardShortcut('KeyL', () => openLogInteraction());

  // Leaving the page (e.g. "register a new beneficiary" from the search) closes the dialog.
  const lastLocation = useRef(location);
  useEffect(() => {
    if (lastLocation.current === location) return;
    lastLocation.current = location;
    closeLogInteraction();
  }, [location]);

  return (
    <>
      <button
        type="button"
        onClick={() => openLogInteraction()}
        aria-keyshortcuts="Alt+L"
        title={t('app.shortcut', { key: 'Alt+L' })}
        className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md bg-brand-700 px-2.5 text-sm font-medium text-white hover:bg-brand-800 active:bg-brand-900 sm:px-3"
      >
        <PhoneCall aria-hidden="true" className="size-4" />
        <span className="max-sm:sr-only">{t('interactions.log.open')}</span>
        <Kbd className="max-lg:hidden">Alt+L</Kbd>
      </button>
      {request ? (
        <Suspense fallback={null}>
          <LogInteractionDialog request={request} onClose={closeLogInteraction} />
        </Suspense>
      ) : null}
    </>
  );
}
