import { Smartphone } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Ltr, localMobile } from '../../../ui/Ltr';
import { Card } from '../../../ui/Page';
import { usePortalDevices, useRevokePortalDevices } from './queries';

/**
 * The phones the portal remembers for tracking this file's applications (decision 018): staff forget one when
 * the person reports a lost or shared phone, or all of them. Forgetting only means the next visit asks for a code.
 */
export function PortalDevices({ beneficiaryId, canRevoke }: { beneficiaryId: string; canRevoke: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const devices = usePortalDevices(beneficiaryId);
  const revoke = useRevokePortalDevices(beneficiaryId);
  const [notice, setNotice] = useState<string | null>(null);
  const items = devices.data?.items ?? [];
  const forget = (deviceId?: string) => {
    setNotice(null);
    revoke.mutate(deviceId ? { deviceId } : {}, {
      onSuccess: (r) => setNotice(t('file.portalDevices.forgotten', { count: r.count })),
    });
  };
  return (
    <Card>
      <section aria-labelledby="portal-devices-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="portal-devices-title" className="text-lg font-bold text-slate-900">
            {t('file.portalDevices.title')}
          </h2>
          {canRevoke && items.length > 1 ? (
            <Button variant="dangerQuiet" isPending={revoke.isPending} onPress={() => forget()}>
              {t('file.portalDevices.forgetAll')}
            </Button>
          ) : null}
        </div>
        <p className="text-sm text-slate-700">{t('file.portalDevices.intro')}</p>
        <SuccessNotice>{notice}</SuccessNotice>
        {revoke.error ? <ErrorAlert>{errorMessage(revoke.error)}</ErrorAlert> : null}
        {devices.error ? <ErrorAlert>{errorMessage(devices.error)}</ErrorAlert> : null}
        {devices.isPending ? null : items.length === 0 ? (
          <p className="text-slate-700">{t('file.portalDevices.none')}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {items.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="flex items-start gap-3">
                  <Smartphone aria-hidden="true" className="mt-1 size-5 text-slate-600" />
                  <div>
                    <p className="font-medium text-slate-900">
                      {t(`file.portalDevices.kind.${d.kind}`)} · <Ltr>{localMobile(d.mobile)}</Ltr>
                    </p>
                    <p className="text-sm text-slate-700">
                      {t('file.portalDevices.since', { date: format.dateTime(d.createdAt) })}
                      {' · '}
                      {d.lastUsedAt
                        ? t('file.portalDevices.lastUsed', { date: format.dateTime(d.lastUsedAt) })
                        : t('file.portalDevices.notUsed')}
                      {' · '}
                      {t('file.portalDevices.until', { date: format.gregorian(d.expiresAt) })}
                    </p>
                  </div>
                </div>
                {canRevoke ? (
                  <Button isPending={revoke.isPending} onPress={() => forget(d.id)}>
                    {t('file.portalDevices.forget')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}
