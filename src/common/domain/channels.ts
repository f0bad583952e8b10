import { z } from 'zod';

/** The policy's eight channels (القنوات), in the policy's order. */
export const CHANNELS = [
  'meeting',
  'phone',
  'social_media',
  'letter',
  'enrolment_request',
  'volunteering',
  'website',
  'branch_rep',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const channelSchema = z.enum(CHANNELS);
