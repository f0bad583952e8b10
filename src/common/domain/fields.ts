import { z } from 'zod';
import { dateInRange } from '../input';

/**
 * Dates and instants as every route takes them: ISO format, and inside DATE_RANGE (common/input.ts), so a year 1 or
 * 9999 in a body or query is a 400 with its field named, not a failure in the database.
 */
export const isoDate = () => z.iso.date().refine(dateInRange, { message: 'field.date_range' });

export const isoDateTime = () => z.iso.datetime({ offset: true }).refine(dateInRange, { message: 'field.date_range' });

/** A day or an instant (audit search takes either), inside the same range. */
export const isoDateOrDateTime = () =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })]).refine(dateInRange, { message: 'field.date_range' });
