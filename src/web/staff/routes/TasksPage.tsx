import { Check, ListChecks } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Loading, PageHeader } from '../../ui/Page';
import { taskHref, useCompleteTask, useTasks } from '../features/tasks/queries';

/** The signed-in person's own open tasks (a case that passed its deadline, a follow-up), each closed with "تم". */
export default function TasksPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const tasks = useTasks();
  const complete = useCompleteTask();
  const [notice, setNotice] = useState<string | null>(null);
  const kindLabel = (kind: string) => {
    const labels = t('tasks.kinds', { returnObjects: true }) as unknown as Record<string, string>;
    return labels[kind] ?? t('tasks.kinds.other');
  };

  return (
    <>
      <PageHeader title={t('tasks.title')} subtitle={t('tasks.subtitle')} />
      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {complete.isError ? <ErrorAlert className="mb-4">{errorMessage(complete.error)}</ErrorAlert> : null}
      {tasks.isPending ? <Loading label={t('app.loading')} /> : null}
      {tasks.isError ? <ErrorAlert>{errorMessage(tasks.error)}</ErrorAlert> : null}
      {tasks.data && tasks.data.length === 0 ? (
        <p className="flex items-center gap-2 rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
          <ListChecks aria-hidden="true" className="size-5 text-emerald-700" />
          {t('tasks.empty')}
        </p>
      ) : null}
      {tasks.data && tasks.data.length > 0 ? (
        <ul aria-label={t('tasks.title')} className="flex flex-col gap-2">
          {tasks.data.map((task) => {
            const href = taskHref(task);
            const overdue = task.dueAt !== null && new Date(task.dueAt) < new Date();
            return (
              <li
                key={task.id}
                className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-center"
              >
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={task.kind === 'case_escalation' ? 'danger' : 'info'}>{kindLabel(task.kind)}</Badge>
                    {overdue ? <Badge tone="warning">{t('tasks.overdue')}</Badge> : null}
                  </div>
                  <p dir="auto" className="mt-1 font-medium break-words text-slate-900">
                    {href ? (
                      <Link href={href} className="text-brand-800 underline-offset-2 hover:underline">
                        {task.title}
                      </Link>
                    ) : (
                      task.title
                    )}
                  </p>
                  <p className="text-xs text-slate-600">
                    <time dateTime={task.createdAt} title={format.dateTime(task.createdAt)}>
                      {format.relative(task.createdAt)}
                    </time>
                    {task.dueAt ? ` · ${t('tasks.due', { date: format.dateTime(task.dueAt) })}` : null}
                  </p>
                </div>
                <Button
                  variant="primary"
                  className="shrink-0"
                  isPending={complete.isPending && complete.variables === task.id}
                  aria-label={t('tasks.doneLabel', { title: task.title })}
                  onPress={() => complete.mutate(task.id, { onSuccess: () => setNotice(t('tasks.doneNotice')) })}
                >
                  <Check aria-hidden="true" className="size-4" />
                  {t('tasks.done')}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
