import { DEFAULT_DUPLICATE_RULES, type DuplicateRules, duplicateRulesSchema } from '../../../common/domain/duplicates';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { beforeAfter, hasChanges } from '../audit';
import { countPairs } from './duplicate-sweep';
import { duplicateRulesOf, upsertDuplicateRules } from './queries';

export async function readDuplicateRules(deps: Deps, user: SessionUser) {
  authorize(user, 'duplicates.rules');
  return { rules: await duplicateRulesOf(deps.db, user.orgId), defaults: DEFAULT_DUPLICATE_RULES };
}

/** How many pairs these (unsaved) rules would find in the registry now; nothing is written. */
export async function previewDuplicateRules(deps: Deps, user: SessionUser, rules: DuplicateRules) {
  authorize(user, 'duplicates.rules');
  return { pairs: await countPairs(deps.db, user.orgId, rules) };
}

/** Saves tuned rules; the audit row has the weights and threshold before and after (only what changed). */
export async function saveDuplicateRules(deps: Deps, user: SessionUser, rules: DuplicateRules, meta: RequestMeta) {
  authorize(user, 'duplicates.rules');
  const next = duplicateRulesSchema.parse(rules);
  return deps.db.transaction(async (tx) => {
    const before = await duplicateRulesOf(tx, user.orgId);
    const diff = beforeAfter(
      { ...before.weights, threshold: before.threshold },
      { ...next.weights, threshold: next.threshold },
    );
    if (!hasChanges(diff)) return { rules: next, defaults: DEFAULT_DUPLICATE_RULES };
    await upsertDuplicateRules(tx, user.orgId, next, user.id);
    await writeAudit(tx, user, meta, {
      action: 'duplicates.rules_updated',
      entityType: 'organization',
      entityId: user.orgId,
      details: diff,
    });
    return { rules: next, defaults: DEFAULT_DUPLICATE_RULES };
  });
}
