/**
 * The audit convention for a change: only the fields whose value changed, old and new side by side
 * (`{ before: { field: old }, after: { field: new } }`). Values are compared as JSON, so arrays and objects count.
 */
export function changes<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    was[key] = before[key];
    now[key] = after[key];
  }
  return { before: was, after: now };
}

export const hasChanges = (diff: { after: object }) => Object.keys(diff.after).length > 0;
