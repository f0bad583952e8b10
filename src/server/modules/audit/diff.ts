/**
 * The audit convention for a change: `{ before: {field: old}, after: {field: new} }` with only the fields whose
 * value changed (compared as JSON). Fields listed in `mask` keep only their last characters (national IDs,
 * mobiles: the audit log must not become a second copy of identifying numbers); fields in `hide` (sensitive
 * ones: health, income) are recorded as changed without their values.
 */
export function beforeAfter(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  opts: { mask?: readonly string[]; hide?: readonly string[] } = {},
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of Object.keys(after)) {
    // A field left out of a partial update is not a change.
    if (after[key] === undefined) continue;
    const old = before[key] ?? null;
    const next = after[key] ?? null;
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    const shown = (v: unknown) =>
      opts.hide?.includes(key) && v !== null
        ? '•••'
        : opts.mask?.includes(key) && typeof v === 'string'
          ? maskValue(v)
          : v;
    out.before[key] = shown(old);
    out.after[key] = shown(next);
  }
  return out;
}

/** Whether a before/after pair records any change (a save that changes nothing writes no audit row). */
export const hasChanges = (diff: { after: object }) => Object.keys(diff.after).length > 0;

export function maskValue(value: string): string {
  return value.length <= 3 ? '•••' : `${'•'.repeat(Math.min(value.length - 3, 7))}${value.slice(-3)}`;
}
