import { ShieldAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { buttonClass } from '../../../ui/Button';
import type { SessionUser } from '../../api-types';
import { useSession } from '../../session';

// Its own module, apart from TotpSection.tsx: the shell shows it on every page, and the enrolment card it leads
// to (QR code, recovery codes) belongs in the profile page's chunk, not in the first download (issue 19).
const PROFILE_PATH = '/settings/profile';

function totpState(user: SessionUser | null | undefined): { enabled: boolean; required: boolean } {
  return { enabled: Boolean(user?.totpEnabled), required: Boolean(user?.totpRequired) };
}

/**
 * While an account must enrol, the server refuses every other request: say so on every page and lead to the
 * profile page, where enrolment happens, so the person is never stuck.
 */
export function TotpEnrolmentBanner() {
  const { t } = useTranslation();
  const { data: user } = useSession();
  const [location] = useLocation();
  const { enabled, required } = totpState(user);
  if (!required || enabled) return null;
  return (
    <section
      aria-label={t('totp.title')}
      className="mb-5 flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950 sm:flex-row sm:items-center sm:gap-3 print:hidden"
    >
      <div className="flex min-w-0 flex-1 items-start gap-2">
        <ShieldAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-amber-800" />
        <p className="font-medium">{t('totp.banner')}</p>
      </div>
      {location === PROFILE_PATH ? null : (
        <Link href={PROFILE_PATH} className={buttonClass('primary', 'min-h-9 shrink-0 px-3')}>
          {t('totp.bannerLink')}
        </Link>
      )}
    </section>
  );
}
