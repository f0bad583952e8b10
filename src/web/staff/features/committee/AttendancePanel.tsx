import { UserCheck, Users } from 'lucide-react';
import { useEffect, useState } from 'react';
import { CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { Checkbox, labelClass } from '../../../ui/fields';
import type { MeetingDetail } from '../../api-types';
import { useRecordAttendance } from './queries';

/**
 * The quorum (present of needed) as words and a bar, and who attends. The chair marks who is present while the
 * meeting is open; everyone else sees the list.
 */
export function AttendancePanel({ meeting, isChair }: { meeting: MeetingDetail; isChair: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { needed, present } = meeting.quorum;
  const met = present >= needed;
  const editable = isChair && meeting.status === 'scheduled';
  const share = needed > 0 ? Math.min(1, present / needed) : 1;

  return (
    <section aria-labelledby="quorum-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="quorum-title" className="flex items-center gap-2 text-base font-bold text-slate-900">
          <Users aria-hidden="true" className="size-5 text-brand-700" />
          {t('committee.quorum.title')}
        </h2>
        <Badge tone={met ? 'success' : 'warning'}>
          {met ? t('committee.quorum.met') : t('committee.quorum.notMet')}
        </Badge>
      </div>
      <p className="mt-2 text-lg font-bold text-slate-900">
        {t('committee.quorum.count', { present: format.number(present), needed: format.number(needed) })}
      </p>
      <div aria-hidden="true" className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200">
        <div
          className={cx('h-full rounded-full', met ? 'bg-emerald-600' : 'bg-amber-500')}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {t('committee.quorum.members', {
          count: meeting.attendees.length,
          total: format.number(meeting.attendees.length),
        })}
      </p>
      <div className="mt-4 border-t border-slate-200 pt-4">
        {editable ? (
          <AttendanceForm meeting={meeting} />
        ) : (
          <>
            <h3 className="mb-2 text-sm font-medium text-slate-800">{t('committee.attendance.title')}</h3>
            <ul className="flex flex-col gap-1.5">
              {meeting.attendees.map((a) => (
                <li key={a.userId} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <bdi>{a.displayName}</bdi>
                    {a.userId === meeting.chairUserId ? (
                      <span className="ms-1 text-xs text-slate-600">({t('committee.schedule.chairTag')})</span>
                    ) : null}
                  </span>
                  <Badge tone={a.present ? 'success' : 'neutral'}>
                    {a.present ? t('committee.attendance.present') : t('committee.attendance.absent')}
                  </Badge>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

function AttendanceForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const record = useRecordAttendance(meeting.id);
  const saved = meeting.attendees.filter((a) => a.present).map((a) => a.userId);
  const savedKey = saved.join(',');
  const [present, setPresent] = useState<string[]>(saved);
  const [done, setDone] = useState(false);
  // The server's answer replaces what was ticked when it changes (another device, a refresh).
  useEffect(() => setPresent(savedKey ? savedKey.split(',') : []), [savedKey]);
  const dirty = [...present].sort().join(',') !== [...saved].sort().join(',');

  return (
    <div className="flex flex-col gap-3">
      <CheckboxGroup
        value={present}
        onChange={(value) => {
          setDone(false);
          setPresent(value);
        }}
        className="flex flex-col gap-1"
      >
        <Label className={labelClass}>{t('committee.attendance.mark')}</Label>
        {meeting.attendees.map((a) => (
          <Checkbox key={a.userId} value={a.userId}>
            <bdi>{a.displayName}</bdi>
            {a.userId === meeting.chairUserId ? (
              <span className="text-xs text-slate-600">({t('committee.schedule.chairTag')})</span>
            ) : null}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <div>
        <Button
          variant={dirty ? 'primary' : 'secondary'}
          isDisabled={!dirty}
          isPending={record.isPending}
          onPress={() =>
            record.mutate(present, {
              onSuccess: () => setDone(true),
            })
          }
        >
          <UserCheck aria-hidden="true" className="size-4" />
          {record.isPending ? t('app.saving') : t('committee.attendance.save')}
        </Button>
      </div>
      <SuccessNotice>{done && !dirty ? t('committee.attendance.saved') : null}</SuccessNotice>
      {record.isError ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errorMessage(record.error)}
        </p>
      ) : null}
    </div>
  );
}
