/** Arabic labels for exported values (exports are read outside the app, so they carry words, not keys). */
export const LABELS_AR: Record<string, Record<string, string>> = {
  stage: {
    draft: 'مسودة',
    submitted: 'مقدَّم',
    verifying: 'قيد التحقق',
    referred: 'محال لمسؤول التنفيذ',
    returned: 'معاد لاستكمال النواقص',
    declared: 'تم الإقرار',
    in_committee: 'لدى اللجنة',
    accepted: 'مقبول',
    rejected: 'مرفوض',
    deferred: 'مؤجل',
    completing: 'استكمال التسجيل',
    enrolled: 'ملتحق',
    withdrawn: 'مسحوب',
  },
  channel: {
    meeting: 'المقابلة',
    phone: 'الاتصال الهاتفي',
    social_media: 'وسائل التواصل الاجتماعي',
    letter: 'الخطابات',
    enrolment_request: 'طلب الالتحاق',
    volunteering: 'خدمة التطوع',
    website: 'الموقع الإلكتروني',
    branch_rep: 'مناديب المكاتب الفرعية',
  },
  kind: { inquiry: 'استفسار', complaint: 'شكوى', suggestion: 'مقترح', praise: 'شكر', service_request: 'طلب خدمة' },
  caseStatus: {
    new: 'جديد',
    in_progress: 'قيد المعالجة',
    referred: 'محال',
    waiting_beneficiary: 'بانتظار المستفيد',
    resolved: 'تم الحل',
    closed: 'مغلق',
  },
  beneficiaryStatus: { applicant: 'متقدم', active: 'نشط', suspended: 'موقوف', closed: 'مغلق' },
  deliveryStatus: { scheduled: 'مجدولة', delivered: 'تم التسليم', failed: 'تعذر التسليم', cancelled: 'ملغاة' },
  outcome: { accepted: 'قُبل', under_study: 'قيد الدراسة', declined: 'اعتُذر عنه' },
  waterSource: { network: 'شبكة', tank: 'صهاريج', well: 'بئر', none: 'لا يوجد' },
};

export const label = (group: string, key: string | null | undefined) => (key ? (LABELS_AR[group]?.[key] ?? key) : '');
