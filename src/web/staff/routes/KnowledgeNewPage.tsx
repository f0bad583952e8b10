import { FilePlus2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { riyadhDate } from '../../../common/dates';
import { errorMessage } from '../../lib/api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, TextField } from '../../ui/fields';
import { Card, PageHeader } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { useKnowledgeKindLabel } from '../features/knowledge/labels';
import { useCreateKnowledge } from '../features/knowledge/queries';
import { type VersionFields as Fields, KNOWLEDGE_KIND_LIST, type KnowledgeKindCode } from '../features/knowledge/types';
import { emptyVersion, VersionFields } from '../features/knowledge/VersionFields';

/** A new document for the knowledge base, with its first approved version. For the manager and the admin. */
export default function KnowledgeNewPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const kindLabel = useKnowledgeKindLabel();
  const create = useCreateKnowledge();
  const fieldErrors = useFieldErrors(create.error);
  const [kind, setKind] = useState<KnowledgeKindCode>('policies_manual');
  const [titleAr, setTitleAr] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [published, setPublished] = useState(false);
  const [version, setVersion] = useState<Fields>(() => emptyVersion(riyadhDate(new Date())));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      {
        kind,
        titleAr: titleAr.trim(),
        titleEn: titleEn.trim(),
        published,
        bodyAr: version.bodyAr.trim(),
        approvalRef: version.approvalRef.trim(),
        approvedOn: version.approvedOn,
        effectiveFrom: version.effectiveFrom,
      },
      { onSuccess: ({ id }) => navigate(`/knowledge/${encodeURIComponent(id)}`) },
    );
  }

  return (
    <div className="max-w-3xl">
      <PageHeader title={t('knowledge.newTitle')} subtitle={t('knowledge.newSubtitle')} />
      <Card>
        <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
          <SelectField
            label={t('knowledge.fields.kind')}
            name="kind"
            options={KNOWLEDGE_KIND_LIST.map((k) => ({ id: k, label: kindLabel(k) }))}
            value={kind}
            // The options are the kinds themselves.
            onChange={(value) => setKind((value as KnowledgeKindCode | null) ?? 'policies_manual')}
            isRequired
            className="sm:max-w-sm"
          />
          <TextField
            label={t('knowledge.fields.titleAr')}
            name="titleAr"
            value={titleAr}
            onChange={setTitleAr}
            isRequired
            inputProps={{ maxLength: 300 }}
            validate={(v) => (v.trim().length >= 2 ? null : t('app.required'))}
          />
          <TextField
            label={t('knowledge.fields.titleEn')}
            name="titleEn"
            value={titleEn}
            onChange={setTitleEn}
            ltr
            inputProps={{ maxLength: 300, lang: 'en' }}
          />
          <VersionFields value={version} onChange={setVersion} />
          <div className="flex flex-col gap-1">
            <Checkbox isSelected={published} onChange={setPublished}>
              {t('knowledge.fields.published')}
            </Checkbox>
            <span className="text-xs text-slate-600">{t('knowledge.fields.publishedHint')}</span>
          </div>
          {create.isError ? <ErrorAlert>{errorMessage(create.error)}</ErrorAlert> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onPress={() => navigate('/knowledge')}>{t('app.cancel')}</Button>
            <Button type="submit" variant="primary" isPending={create.isPending}>
              <FilePlus2 aria-hidden="true" className="size-4" />
              {create.isPending ? t('app.saving') : t('knowledge.create')}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
