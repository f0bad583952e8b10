import { riyadhDate } from '../../../common/dates';
import type { Db } from '../../db/client';
import type { Deps, SessionUser } from '../../http/context';
import { searchDocuments } from './queries';

/** Documents with their version in force (the portal's published ones, the evidence pack's policy manual). */
export function searchKnowledge(
  db: Db,
  orgId: string,
  opts: { q?: string; kinds?: string[]; publishedOnly?: boolean; today: string },
) {
  return searchDocuments(db, orgId, opts);
}

const excerpt = (s: string) => (s.length > 400 ? `${s.slice(0, 400)}…` : s);

/** The knowledge base list: each document's version in force with an excerpt of its text. */
export async function listKnowledge(deps: Deps, user: SessionUser, q: { q?: string; kind?: string }) {
  const rows = await searchDocuments(deps.db, user.orgId, {
    q: q.q,
    kinds: q.kind ? [q.kind] : undefined,
    today: riyadhDate(new Date()),
  });
  return { items: rows.map((r) => ({ ...r, excerpt: excerpt(r.bodyAr), bodyAr: undefined })) };
}

/** Canned answers for replies: FAQs and answers in force, searched the same way. */
export async function listCannedAnswers(deps: Deps, user: SessionUser, q: string | undefined) {
  const rows = await searchDocuments(deps.db, user.orgId, {
    q,
    kinds: ['faq', 'answer'],
    today: riyadhDate(new Date()),
  });
  return { items: rows.map((r) => ({ id: r.id, kind: r.kind, titleAr: r.titleAr, bodyAr: r.bodyAr })) };
}
