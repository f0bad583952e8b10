import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { useTemplateVersions } from './messaging-queries';
import { useMessagingWords } from './TemplateRules';

/** Every saved version of a template, newest first, with who saved it and when. */
export function TemplateHistory({ templateKey, channel }: { templateKey: string; channel: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = useMessagingWords();
  const versions = useTemplateVersions(templateKey, channel);
  if (versions.isError) return <ErrorAlert>{errorMessage(versions.error)}</ErrorAlert>;
  const items = versions.data ?? [];
  return (
    <details className="rounded-lg border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-bold text-slate-800">
        {t('messaging.history.title', { count: items.length, value: format.number(items.length) })}
      </summary>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t('messaging.history.empty')}</p>
      ) : (
        <ol className="mt-2 flex flex-col gap-2">
          {items.map((v) => (
            <li key={v.version} className="rounded-md bg-slate-50 p-2 text-sm">
              <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span className="font-bold text-slate-800">
                  {t('messaging.history.version', { value: format.number(v.version) })}
                </span>
                <span>{v.savedBy ?? '—'}</span>
                <time dateTime={v.savedAt}>{format.dateTime(v.savedAt)}</time>
                <Badge tone="neutral">{words.category(v.category)}</Badge>
                {v.whatsapp ? (
                  <Badge tone="info">
                    <bdi dir="ltr">{`${v.whatsapp.name} (${v.whatsapp.language})`}</bdi>
                  </Badge>
                ) : null}
              </p>
              <p dir="auto" className="mt-1 whitespace-pre-line text-slate-800">
                {v.body}
              </p>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
