import { CalendarCheck } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formatWindow, parseIsoDate, riyadhDate } from '../../../../common/dates';
import { APPOINTMENT_WINDOWS } from '../../../../common/domain/committee';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import type { ApplicationDetail } from '../../api-types';
import { useSetAppointment } from './queries';

type WindowKey = keyof typeof APPOINTMENT_WINDOWS;

/**
 * The delivery appointment agreed with the beneficiary (الاتفاق على موعد التقديم): a working day and a time window,
 * stored and sent to them with the first delivery's date. Not a tick: the step is done when the appointment is set.
 */
export function AppointmentStep({
  application,
  label,
  editable,
}: {
  application: ApplicationDetail;
  label: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const set = useSetAppointment(application.id);
  const fieldErrors = useFieldErrors(set.error);
  const current = application.appointment;
  const known = Object.entries(APPOINTMENT_WINDOWS).find(
    ([, w]) => w.from === current?.from && w.to === current?.to,
  )?.[0] as WindowKey | undefined;
  const [date, setDate] = useState(current?.date ?? '');
  const [window, setWindow] = useState<WindowKey>(known ?? 'morning');
  const chosen = date ? parseIsoDate(date) : null;
  const display = format.display;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return;
    set.mutate({ date: chosen, ...APPOINTMENT_WINDOWS[window] });
  }

  return (
    <li className="flex flex-col gap-2 rounded-md border border-slate-200 px-3 py-2" data-testid="appointment-step">
      <div className="flex min-h-10 flex-wrap items-center justify-between gap-2">
        <span className="font-medium text-slate-900">{label}</span>
        <Badge tone={current ? 'success' : 'neutral'}>
          {current ? t('committee.completion.done') : t('committee.completion.pending')}
        </Badge>
      </div>
      {current ? (
        <p className="text-sm text-slate-800" data-testid="appointment-current">
          {t('committee.appointment.current', {
            date: format.dual(current.date),
            window: formatWindow(current, display),
          })}
        </p>
      ) : null}
      {editable ? (
        <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-3">
          <TextField
            label={t('committee.appointment.date')}
            name="date"
            type="date"
            value={date}
            onChange={setDate}
            isRequired
            inputProps={{ min: riyadhDate(new Date()) }}
            description={
              chosen
                ? t('committee.schedule.hijri', { date: format.hijri(chosen) })
                : t('committee.appointment.dateHelp')
            }
          />
          <RadioGroupField
            label={t('committee.appointment.window')}
            name="window"
            value={window}
            onChange={(v) => setWindow(v as WindowKey)}
            options={(Object.keys(APPOINTMENT_WINDOWS) as WindowKey[]).map((key) => ({
              id: key,
              label: t(`committee.appointment.windows.${key}`),
              description: formatWindow(APPOINTMENT_WINDOWS[key], display),
            }))}
          />
          {set.isError ? <ErrorAlert>{errorMessage(set.error)}</ErrorAlert> : null}
          <div>
            <Button type="submit" className="min-h-11" isPending={set.isPending}>
              <CalendarCheck aria-hidden="true" className="size-5" />
              {set.isPending ? t('app.saving') : t('committee.appointment.save')}
            </Button>
          </div>
        </Form>
      ) : null}
    </li>
  );
}
