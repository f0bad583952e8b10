import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../common/domain/roles';
import { useFormat } from '../../../lib/display';
import type { ApplicationDetail } from '../../api-types';
import { useEnumLabel } from '../beneficiaries/labels';
import { StageBadge } from './StageBadge';

/** Every move of the application, oldest first: from and to which stage, who (and their role), when, how, why. */
export function Timeline({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const roleLabel = (role: string) => {
    const known = ROLES.find((r) => r === role);
    return known ? t(`roles.${known}`) : role;
  };
  return (
    <section aria-labelledby="history-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id="history-title" className="mb-3 text-base font-bold text-slate-900">
        {t('application.history.title')}
      </h2>
      <ol className="flex flex-col">
        {application.transitions.map((move) => (
          <li
            key={`${move.at}-${move.fromStage}-${move.toStage}`}
            className="relative border-s-2 border-slate-200 pb-4 ps-4 last:pb-0"
          >
            <span
              aria-hidden="true"
              className="absolute -start-[7px] top-1.5 size-3 rounded-full border-2 border-white bg-brand-600"
            />
            <div className="flex flex-wrap items-center gap-2">
              <StageBadge stage={move.toStage} />
              <span className="text-slate-800">
                {move.fromStage
                  ? t('application.history.moved', {
                      from: enumLabel('stage', move.fromStage),
                      to: enumLabel('stage', move.toStage),
                    })
                  : t('application.history.opened', { stage: enumLabel('stage', move.toStage) })}
              </span>
            </div>
            <p className="mt-0.5 text-xs text-slate-600">
              {move.byName ? <bdi className="font-medium text-slate-800">{move.byName}</bdi> : null}
              {move.byRole ? ` (${roleLabel(move.byRole)})` : null}
              {' · '}
              <time dateTime={move.at} title={format.dateTime(move.at)}>
                {format.relative(move.at)}
              </time>
              {' · '}
              {t('application.history.via', { channel: enumLabel('channel', move.channel) })}
            </p>
            {move.note ? (
              <p className="mt-1 rounded-md bg-slate-50 p-2 whitespace-pre-line text-slate-800">{move.note}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
