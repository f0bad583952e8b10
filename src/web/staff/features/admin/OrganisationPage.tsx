import { ImageUp } from 'lucide-react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { ApiError, errorMessage } from '../../../lib/api';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { Loading, PageHeader } from '../../../ui/Page';
import { Tabs } from '../../../ui/Tabs';
import { SettingsSection } from './SettingsSections';
import {
  type OrganizationDetails,
  type OrganizationSettings,
  useAllSettings,
  useOrganizationDetails,
  usePatchSettings,
  useRenameOrganization,
  useUploadLogo,
} from './setup-api';
import { useUnsavedGuard } from './useUnsavedGuard';

const TABS = ['identity', 'texts', 'committee', 'records', 'cases'] as const;

/** الجمعية: the association's name, logo and letterhead, and every setting that was reachable only through the API. */
export default function OrganisationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'identity';
  const org = useOrganizationDetails();
  const settings = useAllSettings();
  const ready = org.data && settings.data;
  return (
    <>
      <PageHeader title={t('organisation.title')} subtitle={t('organisation.subtitle')} />
      {org.isPending || settings.isPending ? <Loading label={t('app.loading')} /> : null}
      {org.isError ? <ErrorAlert>{errorMessage(org.error)}</ErrorAlert> : null}
      {settings.isError ? <ErrorAlert>{errorMessage(settings.error)}</ErrorAlert> : null}
      {ready ? (
        <Tabs
          label={t('organisation.tabsLabel')}
          selectedKey={tab}
          onSelectionChange={(key) => setParams({ tab: key }, { replace: true })}
          items={TABS.map((id) => ({
            id,
            label: t(`organisation.tabs.${id}`),
            content:
              id === 'identity' ? (
                <Identity org={org.data} settings={settings.data} />
              ) : (
                <>
                  <p className="mb-4 max-w-3xl text-sm text-slate-700">{t(`organisation.intro.${id}`)}</p>
                  <SettingsSection section={id} initial={settings.data} />
                </>
              ),
          }))}
        />
      ) : null}
    </>
  );
}

function Identity({ org, settings }: { org: OrganizationDetails; settings: OrganizationSettings }) {
  const { t } = useTranslation();
  const rename = useRenameOrganization();
  const patch = usePatchSettings();
  const logo = useUploadLogo();
  const fileRef = useRef<HTMLInputElement>(null);
  const [base, setBase] = useState({ nameAr: org.nameAr, nameEn: org.nameEn, letterheadAr: settings.letterheadAr });
  const [nameAr, setNameAr] = useState(org.nameAr);
  const [nameEn, setNameEn] = useState(org.nameEn);
  const [letterhead, setLetterhead] = useState(settings.letterheadAr);
  const [notice, setNotice] = useState<ReactNode>(null);
  const names = { nameAr: nameAr.trim(), nameEn: nameEn.trim() };
  const namesChanged = names.nameAr !== base.nameAr || names.nameEn !== base.nameEn;
  const letterheadChanged = letterhead.trim() !== base.letterheadAr;
  useUnsavedGuard(namesChanged || letterheadChanged);
  const fieldErrors = rename.error instanceof ApiError ? rename.error.fieldErrors() : {};
  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setNotice(null);
      set(v);
    };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      if (namesChanged) await rename.mutateAsync(names);
      if (letterheadChanged) await patch.mutateAsync({ letterheadAr: letterhead.trim() });
      setBase({ ...names, letterheadAr: letterhead.trim() });
      setNotice(t('setup.settingsHelp.saved'));
    } catch {
      // The error is shown under the form.
    }
  }

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <section aria-labelledby="org-logo" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="org-logo" className="font-bold text-slate-900">
          {t('organisation.logo')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('organisation.logoHelp')}</p>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <div className="flex size-24 items-center justify-center rounded-lg border border-dashed border-slate-300 bg-slate-50">
            {org.logoUrl ? (
              <img src={org.logoUrl} alt={t('organisation.logoAlt')} className="max-h-20 max-w-20 object-contain" />
            ) : (
              <span className="px-2 text-center text-xs text-slate-600">{t('organisation.noLogo')}</span>
            )}
          </div>
          <input
            ref={fileRef}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="sr-only"
            aria-label={t('organisation.chooseLogo')}
            data-testid="logo-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) logo.mutate(file, { onSuccess: () => setNotice(t('organisation.logoSaved')) });
            }}
          />
          <Button onPress={() => fileRef.current?.click()} isPending={logo.isPending}>
            <ImageUp aria-hidden="true" className="size-4" />
            {org.logoUrl ? t('organisation.replaceLogo') : t('organisation.uploadLogo')}
          </Button>
        </div>
        {logo.isError ? <ErrorAlert className="mt-3">{errorMessage(logo.error)}</ErrorAlert> : null}
      </section>

      <Form
        onSubmit={submit}
        validationErrors={fieldErrors}
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 className="font-bold text-slate-900">{t('organisation.identity')}</h2>
        <TextField
          name="nameAr"
          label={t('organisation.nameAr')}
          description={t('organisation.nameArHelp')}
          value={nameAr}
          onChange={changed(setNameAr)}
          isRequired
          validate={(v) => (v.trim().length >= 2 ? null : t('setup.settingsHelp.tooShort'))}
        />
        <TextField
          name="nameEn"
          label={t('organisation.nameEn')}
          value={nameEn}
          onChange={changed(setNameEn)}
          ltr
          isRequired
          validate={(v) => (v.trim().length >= 2 ? null : t('setup.settingsHelp.tooShort'))}
        />
        <TextField
          name="letterheadAr"
          label={t('setup.settingsHelp.fields.letterheadAr.label')}
          description={t('setup.settingsHelp.fields.letterheadAr.help')}
          value={letterhead}
          onChange={changed(setLetterhead)}
        />
        <SuccessNotice>{notice}</SuccessNotice>
        {rename.isError ? <ErrorAlert>{errorMessage(rename.error)}</ErrorAlert> : null}
        {patch.isError ? <ErrorAlert>{errorMessage(patch.error)}</ErrorAlert> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="submit"
            variant="primary"
            isPending={rename.isPending || patch.isPending}
            isDisabled={!namesChanged && !letterheadChanged}
          >
            {t('setup.settingsHelp.save')}
          </Button>
          {namesChanged || letterheadChanged ? (
            <span role="status" className="text-sm font-medium text-amber-800">
              {t('setup.unsaved.some')}
            </span>
          ) : null}
        </div>
      </Form>
    </div>
  );
}
