/** The field app's limits, in a file without zod so the phone's bundle can read them cheaply (issue 18). */

/** A photo sent from the phone: compressed there to at most this size (the server refuses anything larger). */
export const FIELD_PHOTO_MAX_BYTES = 300 * 1024;
/** Photos per inspection or registration draft. */
export const FIELD_PHOTOS_MAX = 4;
/** The working days after today whose work is downloaded to the phone. */
export const FIELD_WORKING_DAYS_AHEAD = 3;
