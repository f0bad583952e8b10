import { Clock, PauseCircle, PlayCircle, UserPlus } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Ltr, localMobile } from '../../ui/Ltr';
import { Loading, PageHeader } from '../../ui/Page';
import { SegmentedControl } from '../../ui/SegmentedControl';
import {
  tableClass,
  tableWrapClass,
  tbodyClass,
  tdClass,
  tdLabelClass,
  thClass,
  theadClass,
  trClass,
} from '../../ui/table';
import { useUpdateVolunteer, useVolunteers, VOLUNTEER_STATUSES, type Volunteer } from '../features/volunteers/queries';
import { HoursDialog, SignUpDialog } from '../features/volunteers/VolunteerDialogs';
import { useBranchName } from '../queries';
import { hasPermission, useUser } from '../session';

const STATUS_TONE: Record<string, BadgeTone> = { applied: 'info', active: 'success', inactive: 'neutral' };
const ALL = 'all';

/**
 * Volunteers (خدمة التطوع): who signed up, their skills and availability, whether they are active, and the hours
 * they have given; sign up a new volunteer, activate or pause one, log hours.
 */
export default function VolunteersPage() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const branchName = useBranchName();
  const volunteers = useVolunteers();
  const update = useUpdateVolunteer();
  const canManage = hasPermission(user, 'volunteers.manage');
  const [filter, setFilter] = useState<string>(ALL);
  const [signingUp, setSigningUp] = useState(false);
  const [logging, setLogging] = useState<Volunteer | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const statusLabel = (status: string) => {
    const labels = t('volunteers.statuses', { returnObjects: true }) as unknown as Record<string, string>;
    return labels[status] ?? status;
  };

  const all = volunteers.data ?? [];
  const items = filter === ALL ? all : all.filter((v) => v.status === filter);
  const totalHours = all.reduce((sum, v) => sum + v.totalHours, 0);
  const columns = {
    name: t('volunteers.columns.name'),
    mobile: t('volunteers.columns.mobile'),
    skills: t('volunteers.columns.skills'),
    availability: t('volunteers.columns.availability'),
    status: t('volunteers.columns.status'),
    hours: t('volunteers.columns.hours'),
    actions: t('volunteers.columns.actions'),
  };

  function setStatus(v: Volunteer, status: (typeof VOLUNTEER_STATUSES)[number]) {
    update.mutate(
      { id: v.id, status },
      {
        onSuccess: () =>
          setNotice(
            <Trans
              t={t}
              i18nKey={status === 'active' ? 'volunteers.done.activated' : 'volunteers.done.paused'}
              values={{ name: v.name }}
              components={{ bdi: <bdi /> }}
            />,
          ),
      },
    );
  }

  return (
    <>
      <PageHeader
        title={t('volunteers.title')}
        subtitle={t('volunteers.subtitle')}
        actions={
          canManage ? (
            <Button variant="primary" onPress={() => setSigningUp(true)}>
              <UserPlus aria-hidden="true" className="size-4" />
              {t('volunteers.signUp.open')}
            </Button>
          ) : null
        }
      />

      {all.length > 0 ? (
        <p className="mb-4 text-slate-700">
          {t('volunteers.summary', {
            count: all.length,
            n: format.number(all.length),
            active: format.number(all.filter((v) => v.status === 'active').length),
            hours: format.number(totalHours),
          })}
        </p>
      ) : null}

      <SegmentedControl
        label={t('volunteers.filterLabel')}
        value={filter}
        onChange={setFilter}
        className="mb-4"
        segments={[
          { id: ALL, label: t('volunteers.all') },
          ...VOLUNTEER_STATUSES.map((s) => ({ id: s, label: statusLabel(s) })),
        ]}
      />

      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {update.isError ? <ErrorAlert className="mb-4">{errorMessage(update.error)}</ErrorAlert> : null}

      {volunteers.isPending ? <Loading label={t('app.loading')} /> : null}
      {volunteers.isError ? <ErrorAlert>{errorMessage(volunteers.error)}</ErrorAlert> : null}
      {volunteers.data && items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
          {t('volunteers.empty')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <div className={tableWrapClass}>
          <table className={tableClass}>
            <caption className="sr-only">{t('volunteers.title')}</caption>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={thClass}>
                  {columns.name}
                </th>
                <th scope="col" className={thClass}>
                  {columns.mobile}
                </th>
                <th scope="col" className={thClass}>
                  {columns.skills}
                </th>
                <th scope="col" className={thClass}>
                  {columns.availability}
                </th>
                <th scope="col" className={thClass}>
                  {columns.status}
                </th>
                <th scope="col" className={thClass}>
                  {columns.hours}
                </th>
                {canManage ? (
                  <th scope="col" className={thClass}>
                    {columns.actions}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className={tbodyClass}>
              {items.map((v) => (
                <tr key={v.id} className={trClass}>
                  <td className={cx(tdClass, 'max-sm:mb-1')}>
                    <span className="flex flex-col">
                      <span className="font-medium text-slate-900">{v.name}</span>
                      <span className="text-xs text-slate-600">
                        {branchName(v.branchId) ?? t('volunteers.fields.anyBranch')}
                      </span>
                    </span>
                  </td>
                  <td className={cx(tdClass, tdLabelClass, 'whitespace-nowrap')} data-label={columns.mobile}>
                    <Ltr>{localMobile(v.mobile)}</Ltr>
                  </td>
                  <td className={cx(tdClass, tdLabelClass)} data-label={columns.skills}>
                    {v.skills.length ? (
                      <span className="flex flex-wrap gap-1">
                        {v.skills.map((skill) => (
                          <span key={skill} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
                            {skill}
                          </span>
                        ))}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className={cx(tdClass, tdLabelClass)} data-label={columns.availability}>
                    {v.availability || '—'}
                  </td>
                  <td className={cx(tdClass, tdLabelClass)} data-label={columns.status}>
                    <Badge tone={STATUS_TONE[v.status] ?? 'neutral'}>{statusLabel(v.status)}</Badge>
                  </td>
                  <td className={cx(tdClass, tdLabelClass, 'whitespace-nowrap')} data-label={columns.hours}>
                    {t('volunteers.hoursValue', { n: format.number(v.totalHours) })}
                  </td>
                  {canManage ? (
                    <td className={cx(tdClass, 'max-sm:mt-2')}>
                      <span className="flex flex-wrap gap-2">
                        {v.status === 'active' ? (
                          <>
                            <Button
                              className="min-h-9 px-3"
                              aria-label={t('volunteers.hours.openLabel', { name: v.name })}
                              onPress={() => setLogging(v)}
                            >
                              <Clock aria-hidden="true" className="size-4" />
                              {t('volunteers.hours.open')}
                            </Button>
                            <Button
                              variant="ghost"
                              className="min-h-9 px-3"
                              isPending={update.isPending && update.variables?.id === v.id}
                              aria-label={t('volunteers.pauseLabel', { name: v.name })}
                              onPress={() => setStatus(v, 'inactive')}
                            >
                              <PauseCircle aria-hidden="true" className="size-4" />
                              {t('volunteers.pause')}
                            </Button>
                          </>
                        ) : (
                          <Button
                            variant="primary"
                            className="min-h-9 px-3"
                            isPending={update.isPending && update.variables?.id === v.id}
                            aria-label={t('volunteers.activateLabel', { name: v.name })}
                            onPress={() => setStatus(v, 'active')}
                          >
                            <PlayCircle aria-hidden="true" className="size-4" />
                            {t('volunteers.activate')}
                          </Button>
                        )}
                      </span>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {canManage ? (
        <>
          <SignUpDialog
            isOpen={signingUp}
            onOpenChange={setSigningUp}
            onDone={(name) => {
              setSigningUp(false);
              setNotice(
                <Trans t={t} i18nKey="volunteers.done.signedUp" values={{ name }} components={{ bdi: <bdi /> }} />,
              );
            }}
          />
          <HoursDialog
            volunteer={logging}
            onOpenChange={(open) => {
              if (!open) setLogging(null);
            }}
            onDone={() => {
              const name = logging?.name ?? '';
              setLogging(null);
              setNotice(
                <Trans t={t} i18nKey="volunteers.done.hours" values={{ name }} components={{ bdi: <bdi /> }} />,
              );
            }}
          />
        </>
      ) : null}
    </>
  );
}
