import { normalizeArabic } from '../../../common/arabic';

/** What search matches: the title and the text, normalised the way a query is. */
export const searchText = (title: string, body: string) => normalizeArabic(`${title} ${body}`);

/** The version in force on a day: the highest version whose effective date has come. */
export function effectiveVersion<T extends { version: number; effectiveFrom: string }>(
  versions: T[],
  today: string,
): T | undefined {
  return versions.filter((v) => v.effectiveFrom <= today).sort((a, b) => b.version - a.version)[0];
}
