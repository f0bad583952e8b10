// Staff as other screens pick them (case owners, delivery assignees, committee members): who, never their account.
import { z } from 'zod';
import { ROLES } from '../domain/roles';

export const staffRefSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  role: z.enum(ROLES),
  branchId: z.uuid().nullable(),
});
export type StaffRef = z.infer<typeof staffRefSchema>;

export const staffRefListSchema = z.object({ items: z.array(staffRefSchema) });
