import type { z } from 'zod';
import type { updateQuestionsInput } from '../../../common/api/surveys';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { replaceQuestions } from './queries';

type QuestionInput = z.infer<typeof updateQuestionsInput>['items'][number];

/** The admin's question list replaces the previous one; the rating question is always required. */
export async function updateQuestions(deps: Deps, user: SessionUser, items: QuestionInput[], meta: RequestMeta) {
  await deps.db.transaction(async (tx) => {
    await replaceQuestions(
      tx,
      user.orgId,
      items.map((q, position) => ({
        ...q,
        required: q.kind === 'rating' ? true : q.required,
        orgId: user.orgId,
        position,
      })),
    );
    await writeAudit(tx, user, meta, {
      action: 'survey.questions_updated',
      entityType: 'survey',
      entityId: user.orgId,
    });
  });
}
