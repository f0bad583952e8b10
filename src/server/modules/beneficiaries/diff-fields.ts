/**
 * Records a correction (privacy) or an edit (registry) with the old and new value of each field that
 * changed; the search columns derived from a field and the update time are left out.
 */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'nameNorm' || key === 'districtNorm' || key === 'updatedAt') continue;
    const old = before[key];
    if (JSON.stringify(old ?? null) !== JSON.stringify(value ?? null))
      changes[key] = { from: old ?? null, to: value ?? null };
  }
  return changes;
}
