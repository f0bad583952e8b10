import { type FormEvent, useState } from 'react';
import type { RouteStop, TaskStop, VisitStop } from './App';
import { type FieldKey, todayInRiyadh, tr } from './i18n';
import { compressPhoto, PhotoError } from './photo';
import type { QueueItem } from './store';

export type FormTarget =
  | { type: 'delivered' | 'failed' | 'inspection' | 'contact'; stop: RouteStop }
  | { type: 'held' | 'no_show'; visit: VisitStop }
  | { type: 'task'; task: TaskStop }
  | { type: 'registration' };

type Photo = { id: string; purpose: string; data: string; bytes: number };
type Location = { lat: number; lng: number };

function queued(kind: QueueItem['kind'], url: string, body: Record<string, unknown>, label: string): QueueItem {
  return {
    id: crypto.randomUUID(),
    key: crypto.randomUUID(),
    kind,
    url,
    body,
    label,
    createdAt: new Date().toISOString(),
    state: 'waiting',
  };
}

/** The forms of the field app; each one saves a queued record on the phone (never sends directly). */
export function FieldForms({
  target,
  onSave,
  onCancel,
}: {
  target: FormTarget;
  onSave: (item: QueueItem) => Promise<void>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Record<string, string>>({
    housingCondition: 'fair',
    recommendation: 'continue',
    outcome: 'suitable',
  });
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [location, setLocation] = useState<Location | null>(null);
  const [error, setError] = useState('');
  const set = (name: string) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const field = (name: string, label: FieldKey, props: Record<string, unknown> = {}) => (
    <label className="flex flex-col gap-1">
      <span className="text-sm font-bold">{tr(label)}</span>
      <input className="input" name={name} value={values[name] ?? ''} onChange={set(name)} {...props} />
    </label>
  );
  const stop = 'stop' in target ? target.stop : null;
  const householdName =
    'stop' in target
      ? target.stop.beneficiaryName
      : 'visit' in target
        ? target.visit.beneficiaryName
        : 'task' in target
          ? target.task.beneficiaryName
          : null;
  const early = stop !== null && stop.scheduledDate > todayInRiyadh();
  const now = () => new Date().toISOString();
  const withLocation = location ? { location } : {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    const v = values;
    if (target.type === 'registration') {
      if (!v.firstName || !v.familyName || !v.mobile || !v.district || !v.peopleAtHome || v.consent !== 'yes') {
        setError(tr('form.required'));
        return;
      }
      const body = {
        firstName: v.firstName,
        familyName: v.familyName,
        ...(v.nationalId ? { nationalId: v.nationalId } : {}),
        mobile: v.mobile,
        district: v.district,
        peopleAtHome: Number(v.peopleAtHome),
        ...(v.note ? { note: v.note } : {}),
        consent: true,
        ...withLocation,
        recordedAt: now(),
        photos: photos.map(({ purpose, data }) => ({ purpose, data })),
      };
      await onSave(queued('registration', '/api/field/registration-drafts', body, `${v.firstName} ${v.familyName}`));
      return;
    }
    if ('visit' in target) {
      const held = target.type === 'held';
      if (held && (v.summary ?? '').trim().length < 2) {
        setError(tr('form.required'));
        return;
      }
      const body = {
        result: held ? { outcome: 'held', summary: v.summary!.trim() } : { outcome: 'no_show' },
        recordedAt: now(),
        expected: target.visit.version,
      };
      const url = `/api/field/appointments/${target.visit.id}/outcome`;
      await onSave(queued('visit', url, body, target.visit.beneficiaryName));
      return;
    }
    if (target.type === 'task') {
      if ((v.note ?? '').trim().length < 3) {
        setError(tr('form.required'));
        return;
      }
      const photo = photos[0];
      const body = {
        result: { outcome: v.outcome, note: v.note!.trim(), ...withLocation },
        recordedAt: now(),
        ...(photo ? { photo: { purpose: 'home', data: photo.data } } : {}),
        expected: target.task.version,
      };
      const url = `/api/field/inspection-tasks/${target.task.applicationId}/result`;
      await onSave(queued('inspection_task', url, body, target.task.beneficiaryName));
      return;
    }
    const s = target.stop;
    if (target.type === 'delivered' || target.type === 'failed') {
      const delivered = target.type === 'delivered';
      if (delivered ? !v.recipientName || (early && !v.earlyReason) : !v.reason) {
        setError(tr('form.required'));
        return;
      }
      const result = delivered
        ? {
            outcome: 'delivered',
            recipientName: v.recipientName,
            ...(v.note ? { note: v.note } : {}),
            ...withLocation,
            ...(early ? { earlyReason: v.earlyReason } : {}),
          }
        : { outcome: 'failed', reason: v.reason };
      const photo = photos[0];
      const body = {
        result,
        recordedAt: now(),
        ...(delivered && photo ? { photo: { purpose: 'delivery_proof', data: photo.data } } : {}),
        expected: s.version,
      };
      await onSave(queued('delivery', `/api/field/deliveries/${s.id}/outcome`, body, s.beneficiaryName));
      return;
    }
    if (target.type === 'inspection') {
      if (!v.findings || !v.peopleAtHome) {
        setError(tr('form.required'));
        return;
      }
      const body = {
        beneficiaryId: s.beneficiaryId,
        housingCondition: v.housingCondition,
        peopleAtHome: Number(v.peopleAtHome),
        findings: v.findings,
        recommendation: v.recommendation,
        ...withLocation,
        recordedAt: now(),
        photos: photos.map(({ purpose, data }) => ({ purpose, data })),
        expected: { branchId: s.version.branchId, beneficiaryStatus: s.version.beneficiaryStatus },
      };
      await onSave(queued('inspection', '/api/field/inspections', body, s.beneficiaryName));
      return;
    }
    if (!v.summary) {
      setError(tr('form.required'));
      return;
    }
    const body = {
      channel: 'branch_rep',
      direction: 'outbound',
      summary: v.summary,
      occurredAt: now(),
      beneficiaryId: s.beneficiaryId,
    };
    await onSave(queued('contact', '/api/interactions', body, s.beneficiaryName));
  };

  const addPhoto = (purpose: string) => async (e: { target: HTMLInputElement }) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError('');
    try {
      const { data, bytes } = await compressPhoto(file);
      setPhotos((list) =>
        [
          ...list.filter((p) => p.purpose !== purpose || purpose === 'home'),
          { id: crypto.randomUUID(), purpose, data, bytes },
        ].slice(-4),
      );
    } catch (err) {
      setError(err instanceof PhotoError && err.message === 'too_large' ? tr('photo.tooLarge') : tr('photo.notImage'));
    }
  };
  const photoInput = (purpose: string, label: FieldKey) => (
    <div className="flex flex-col gap-1">
      <span className="text-sm font-bold">{tr(label)}</span>
      {/* The browser's own file button speaks the browser's language; this one speaks the app's. */}
      <label className="btn-secondary cursor-pointer self-start focus-within:ring-2 focus-within:ring-brand-700">
        {tr('form.addPhoto')}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          className="sr-only"
          data-purpose={purpose}
          aria-label={tr(label)}
          onChange={addPhoto(purpose)}
        />
      </label>
      {photos
        .filter((p) => p.purpose === purpose)
        .map((p) => (
          <span key={p.id} className="text-sm text-emerald-800" data-testid="photo-ready">
            {tr('form.photoReady', { kb: Math.ceil(p.bytes / 1024) })}
          </span>
        ))}
    </div>
  );
  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (pos) => setLocation({ lat: pos.coords.latitude, lng: pos.coords.longitude }),
      () => setError(tr('form.locationFailed')),
      { timeout: 8000, maximumAge: 60_000 },
    );

  const titles: Record<FormTarget['type'], FieldKey> = {
    delivered: 'action.delivered',
    failed: 'action.failed',
    inspection: 'action.inspection',
    contact: 'action.contact',
    held: 'action.held',
    no_show: 'action.noShow',
    task: 'action.task',
    registration: 'tab.register',
  };
  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 className="text-lg font-bold">
        {tr(titles[target.type])}
        {householdName ? `: ${householdName}` : ''}
      </h2>
      {target.type === 'registration' && <p className="text-sm">{tr('register.intro')}</p>}
      {target.type === 'delivered' && (
        <>
          {field('recipientName', 'form.recipient', { autoComplete: 'off' })}
          {early && field('earlyReason', 'form.earlyReason')}
          {field('note', 'form.note')}
          {photoInput('delivery_proof', 'form.photo')}
        </>
      )}
      {target.type === 'failed' && field('reason', 'form.reason')}
      {target.type === 'inspection' && (
        <>
          <Choice
            name="housingCondition"
            label="form.housing"
            options={['good', 'fair', 'poor']}
            values={values}
            set={set}
          />
          {field('peopleAtHome', 'form.peopleAtHome', { inputMode: 'numeric' })}
          <label className="flex flex-col gap-1">
            <span className="text-sm font-bold">{tr('form.findings')}</span>
            <textarea
              className="input"
              name="findings"
              rows={3}
              value={values.findings ?? ''}
              onChange={set('findings')}
            />
          </label>
          <Choice
            name="recommendation"
            label="form.recommendation"
            options={['continue', 'review', 'urgent']}
            values={values}
            set={set}
          />
          {photoInput('home', 'form.photos')}
        </>
      )}
      {target.type === 'held' && (
        <label className="flex flex-col gap-1">
          <span className="text-sm font-bold">{tr('form.visitSummary')}</span>
          <textarea className="input" name="summary" rows={3} value={values.summary ?? ''} onChange={set('summary')} />
        </label>
      )}
      {target.type === 'task' && (
        <>
          <Choice name="outcome" label="form.outcome" options={['suitable', 'unsuitable']} values={values} set={set} />
          <label className="flex flex-col gap-1">
            <span className="text-sm font-bold">{tr('form.inspectionNote')}</span>
            <textarea className="input" name="note" rows={3} value={values.note ?? ''} onChange={set('note')} />
          </label>
          {photoInput('home', 'form.homePhoto')}
        </>
      )}
      {target.type === 'contact' && (
        <label className="flex flex-col gap-1">
          <span className="text-sm font-bold">{tr('form.summary')}</span>
          <textarea className="input" name="summary" rows={3} value={values.summary ?? ''} onChange={set('summary')} />
        </label>
      )}
      {target.type === 'registration' && (
        <>
          {field('firstName', 'form.firstName')}
          {field('familyName', 'form.familyName')}
          {field('nationalId', 'form.nationalId', { inputMode: 'numeric', dir: 'ltr' })}
          {field('mobile', 'form.mobile', { inputMode: 'tel', dir: 'ltr' })}
          {field('district', 'form.district')}
          {field('peopleAtHome', 'form.peopleAtHome', { inputMode: 'numeric' })}
          {photoInput('national_id', 'form.idPhoto')}
          {photoInput('family_card', 'form.familyCardPhoto')}
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              name="consent"
              className="mt-1 size-5"
              checked={values.consent === 'yes'}
              onChange={(e) => setValues((v) => ({ ...v, consent: e.target.checked ? 'yes' : '' }))}
            />
            <span>{tr('form.consent')}</span>
          </label>
        </>
      )}
      {(target.type === 'delivered' ||
        target.type === 'inspection' ||
        target.type === 'task' ||
        target.type === 'registration') && (
        <button type="button" className="btn-link self-start" onClick={locate}>
          {location ? tr('form.locationSaved') : tr('form.location')}
        </button>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-red-900">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className="btn-primary">
          {tr('form.save')}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {tr('form.cancel')}
        </button>
      </div>
    </form>
  );
}

function Choice({
  name,
  label,
  options,
  values,
  set,
}: {
  name: string;
  label: FieldKey;
  options: string[];
  values: Record<string, string>;
  set: (name: string) => (e: { target: { value: string } }) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-bold">{tr(label)}</legend>
      <div className="flex flex-wrap gap-3">
        {options.map((option) => (
          <label key={option} className="flex items-center gap-1">
            <input type="radio" name={name} value={option} checked={values[name] === option} onChange={set(name)} />
            {tr(`${label}.${option}` as FieldKey)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
