import type { z } from 'zod';
import type { suggestionOutcomeInput } from '../../../common/domain/case';
import type { Channel } from '../../../common/domain/channels';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { recordInteraction } from '../timeline';
import { loadCaseFor } from './load-case';
import { insertCaseMessage, updateCaseRow } from './queries';

const OUTCOME_AR = {
  accepted: 'قُبل مقترحكم وسيُعمل به',
  under_study: 'مقترحكم قيد الدراسة',
  declined: 'اعتُذر عن تطبيق مقترحكم',
} as const;

/** A suggestion's outcome, told back to the person when we know who they are. */
export async function recordSuggestionOutcome(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof suggestionOutcomeInput>,
  meta: RequestMeta,
) {
  const c = await loadCaseFor(deps, user, id, 'cases.work');
  authorize(user, 'cases.outcome');
  if (c.kind !== 'suggestion') throw new AppError('case.not_suggestion');
  const text = `${OUTCOME_AR[input.outcome]}${input.reason ? `: ${input.reason}` : ''}. شكراً لمشاركتكم في تحسين خدمات الجمعية.`;
  await deps.db.transaction(async (tx) => {
    await updateCaseRow(tx, id, { outcome: input.outcome, outcomeReason: input.reason ?? null, outcomeAt: new Date() });
    if (!c.anonymous) {
      await insertCaseMessage(tx, {
        orgId: user.orgId,
        caseId: id,
        kind: 'reply',
        body: text,
        channel: c.channel,
        authorUserId: user.id,
      });
      await recordInteraction(tx, {
        orgId: user.orgId,
        channel: c.channel as Channel,
        direction: 'outbound',
        userId: user.id,
        summary: `نتيجة المقترح ${c.reference}: ${text}`,
        beneficiaryId: c.beneficiaryId,
        contactName: c.contactName,
        contactMobile: c.contactMobile,
      });
    }
    await writeAudit(tx, user, meta, {
      action: 'case.outcome',
      entityType: 'case',
      entityId: id,
      details: { outcome: input.outcome },
    });
  });
}
