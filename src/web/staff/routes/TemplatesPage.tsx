import { Pencil } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Loading, PageHeader } from '../../ui/Page';
import { ChannelIcon, useMessageLabels } from '../features/admin/labels';
import { useTemplateItems } from '../features/admin/messaging-queries';
import type { TemplateItem as MessageTemplate } from '../features/admin/messaging-types';
import { TemplateEditor, variablesOf } from '../features/admin/TemplateEditor';
import { useMessagingWords } from '../features/admin/TemplateRules';

/**
 * قوالب الرسائل: the Arabic texts beneficiaries receive for each event, per channel (SMS, WhatsApp, e-mail). The
 * admin edits a text with its variables and sees it filled in with sample values before saving.
 */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const labels = useMessageLabels();
  const templates = useTemplateItems();
  const words = useMessagingWords();
  const [editing, setEditing] = useState<MessageTemplate | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);

  // One group per event, in the server's order (the order of the policy's steps).
  const events: { key: string; items: MessageTemplate[] }[] = [];
  for (const item of templates.data ?? []) {
    const group = events.find((e) => e.key === item.key);
    if (group) group.items.push(item);
    else events.push({ key: item.key, items: [item] });
  }

  return (
    <>
      <PageHeader title={t('admin.templates.title')} subtitle={t('admin.templates.subtitle')} />
      <SuccessNotice className="mb-4">{notice}</SuccessNotice>

      {templates.isPending ? <Loading label={t('app.loading')} /> : null}
      {templates.isError ? (
        <div className="flex flex-col items-start gap-3">
          <ErrorAlert>{errorMessage(templates.error)}</ErrorAlert>
          <Button onPress={() => void templates.refetch()}>{t('app.retry')}</Button>
        </div>
      ) : null}

      <div className="grid gap-4 xl:grid-cols-2">
        {events.map((event) => {
          const headingId = `event-${event.key}`;
          return (
            <section
              key={event.key}
              aria-labelledby={headingId}
              className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
            >
              <h2 id={headingId} className="font-bold text-slate-900">
                {labels.event(event.key)}
              </h2>
              {event.items[0]?.awaited ? (
                <p className="mt-0.5 text-xs text-slate-600">{t('messaging.awaited')}</p>
              ) : null}
              <ul className="mt-2 divide-y divide-slate-100">
                {event.items.map((item) => {
                  const channel = labels.channel(item.channel);
                  const variables = variablesOf(item.body);
                  return (
                    <li key={item.channel} className="flex items-start gap-3 py-2.5">
                      <ChannelIcon channel={item.channel} className="mt-0.5 size-4 shrink-0 text-brand-700" />
                      <div className="min-w-0 flex-1">
                        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                          {channel}
                          {item.customised ? (
                            <Badge tone="info">{t('admin.templates.customised')}</Badge>
                          ) : (
                            <Badge tone="neutral">{t('admin.templates.builtIn')}</Badge>
                          )}
                          <Badge tone={item.category === 'promotional' ? 'warning' : 'neutral'}>
                            {words.category(item.category)}
                          </Badge>
                        </p>
                        {item.channel === 'whatsapp' ? (
                          <p className="mt-1 text-xs text-slate-600" data-testid={`mapping-${item.key}`}>
                            {item.whatsapp ? (
                              <>
                                {t('messaging.mapped')}{' '}
                                <bdi dir="ltr" className="font-mono text-slate-800">
                                  {`${item.whatsapp.name} (${item.whatsapp.language})`}
                                </bdi>
                              </>
                            ) : (
                              t('messaging.notMapped')
                            )}
                          </p>
                        ) : null}
                        <p dir="auto" className="mt-1 line-clamp-2 text-sm text-slate-700">
                          {item.body}
                        </p>
                        {variables.length > 0 ? (
                          <p className="mt-1 text-xs text-slate-600">
                            {t('admin.templates.uses')}{' '}
                            {variables.map((name, i) => (
                              <span key={name}>
                                {i > 0 ? ' ' : null}
                                <code dir="ltr" className="font-mono text-slate-700">{`{{${name}}}`}</code>
                              </span>
                            ))}
                          </p>
                        ) : null}
                      </div>
                      <Button
                        className="min-h-9 shrink-0 px-3"
                        aria-label={t('admin.templates.editLabel', { event: labels.event(item.key), channel })}
                        onPress={() => {
                          setNotice(null);
                          setEditing(item);
                        }}
                      >
                        <Pencil aria-hidden="true" className="size-4" />
                        {t('admin.templates.edit')}
                      </Button>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>

      <Dialog
        isOpen={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        closeLabel={t('app.close')}
        title={t('admin.templates.editTitle')}
      >
        {editing ? (
          <TemplateEditor
            template={editing}
            onCancel={() => setEditing(null)}
            onDone={() => {
              setNotice(
                t('admin.templates.saved', {
                  event: labels.event(editing.key),
                  channel: labels.channel(editing.channel),
                }),
              );
              setEditing(null);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
