export const SURVEY_TRIGGERS = ['case_resolved', 'delivery_done', 'application_decided'] as const;
export type SurveyTrigger = (typeof SURVEY_TRIGGERS)[number];
export const QUESTION_KINDS = ['rating', 'yes_no', 'text'] as const;

/** The first association's questions; the admin edits them. Exactly one rating question is expected. */
export const DEFAULT_QUESTIONS = [
  {
    key: 'overall',
    kind: 'rating',
    labelAr: 'ما مدى رضاك عن الخدمة التي قدمناها لك؟',
    labelEn: 'How satisfied are you with the service we gave you?',
    required: true,
  },
  { key: 'need_met', kind: 'yes_no', labelAr: 'هل لُبّيت حاجتك؟', labelEn: 'Was your need met?', required: false },
  {
    key: 'comment',
    kind: 'text',
    labelAr: 'هل لديك ملاحظة أو اقتراح يساعدنا على التحسين؟',
    labelEn: 'Any remark or suggestion that would help us improve?',
    required: false,
  },
] as const;

/** Labels for the 1–5 scale, shown with faces; rating a service is the beneficiary's right. */
export const RATING_LABELS_AR = ['غير راضٍ أبداً', 'غير راضٍ', 'محايد', 'راضٍ', 'راضٍ جداً'] as const;
export const RATING_FACES = ['😞', '🙁', '😐', '🙂', '😄'] as const;
