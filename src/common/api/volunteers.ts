// The contract of the volunteers API (decision 032): one set of schemas for the server and the web.
import { z } from 'zod';
import { mobileSchema } from '../domain/beneficiary';
import { isoDate } from '../domain/fields';

export const VOLUNTEER_STATUSES = ['applied', 'active', 'inactive'] as const;
const skills = z.array(z.string().trim().min(2).max(60)).max(20);

export const signUpVolunteerInput = z.strictObject({
  name: z.string().trim().min(2).max(120),
  mobile: mobileSchema,
  branchId: z.uuid().nullable().default(null),
  skills: skills.default([]),
  availability: z.string().trim().max(500).default(''),
});
export type SignUpRequest = z.input<typeof signUpVolunteerInput>;

export const updateVolunteerInput = z
  .strictObject({
    status: z.enum(VOLUNTEER_STATUSES).optional(),
    skills: skills.optional(),
    availability: z.string().trim().max(500).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'field.required' });
export type UpdateVolunteerRequest = z.input<typeof updateVolunteerInput>;

export const volunteerHoursInput = z.strictObject({
  workedOn: isoDate(),
  hours: z.number().min(0.25).max(24),
  task: z.string().trim().min(2).max(300),
  deliveryId: z.uuid().optional(),
});
export type HoursRequest = z.input<typeof volunteerHoursInput>;

export const volunteerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** E.164. */
  mobile: z.string(),
  branchId: z.uuid().nullable(),
  skills: z.array(z.string()),
  availability: z.string(),
  /** applied | active | inactive */
  status: z.string(),
  createdAt: z.iso.datetime(),
  totalHours: z.number(),
});
export type Volunteer = z.infer<typeof volunteerSchema>;
export const volunteerListSchema = z.object({ items: z.array(volunteerSchema) });
