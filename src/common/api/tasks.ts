// The contract of /api/tasks (decision 032): the server validates and shapes with these schemas, the web reads
// the same types. A column added to the tasks table does not reach the wire until it is added here.
import { z } from 'zod';

export const taskListQuery = z.strictObject({ open: z.enum(['true', 'false']).default('true') });

/** A task on the signed-in user's own list, e.g. a case past its resolution time. */
export const taskSchema = z.object({
  id: z.uuid(),
  assigneeUserId: z.uuid(),
  kind: z.string(),
  title: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  dueAt: z.iso.datetime().nullable(),
  doneAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskListSchema = z.object({ items: z.array(taskSchema) });
export type TaskList = z.infer<typeof taskListSchema>;
