import type { QuestionKind, SurveyQuestion } from '../../../common/api/surveys';
import { DEFAULT_QUESTIONS } from '../../../common/domain/survey';
import type { Db } from '../../db/client';
import { activeQuestions } from './queries';

/** The organisation's survey questions, or the default ones while it has set none. */
export async function questionsFor(db: Db, orgId: string): Promise<SurveyQuestion[]> {
  const rows = await activeQuestions(db, orgId);
  if (rows.length > 0)
    return rows.map((q) => ({
      key: q.key,
      // The table's check constraint holds the kind to the known ones.
      kind: q.kind as QuestionKind,
      labelAr: q.labelAr,
      labelEn: q.labelEn,
      required: q.required,
    }));
  return DEFAULT_QUESTIONS.map((q) => ({ ...q }));
}
