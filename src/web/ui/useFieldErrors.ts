import { useMemo } from 'react';
import { ApiError } from '../lib/api';

const NONE: Record<string, string> = {};

/**
 * A failed request's field errors for React Aria's `Form validationErrors`, the same object for as long as the
 * error is the same. React Aria shows a server error again whenever it receives a new object, so an object built
 * on each render would bring the error back while the person is correcting the field.
 */
export function useFieldErrors(
  error: unknown,
  more?: (error: ApiError) => Record<string, string> | undefined,
): Record<string, string> {
  // `more` is read only when the error changes, like the errors themselves.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  return useMemo(() => {
    if (!(error instanceof ApiError)) return NONE;
    return { ...error.fieldErrors(), ...more?.(error) };
  }, [error]);
}
