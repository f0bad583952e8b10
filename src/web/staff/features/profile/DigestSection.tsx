import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage } from '../../../lib/api';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Checkbox, TextField } from '../../../ui/fields';
import { Card, Loading } from '../../../ui/Page';

type Digest = { enabled: boolean; email: string | null };
const digestKey = ['me', 'digest'];
// The same rule the server applies in spirit: something@domain.tld, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** The optional daily e-mail: on or off, and the address it goes to (issue 12). */
export function DigestSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: digestKey, queryFn: () => api.get<Digest>('/api/me/digest') });
  const save = useMutation({
    mutationFn: (body: Digest) => api.put<Digest>('/api/me/digest', body),
    onSuccess: (saved) => queryClient.setQueryData(digestKey, saved),
  });
  const [enabled, setEnabled] = useState(false);
  const [email, setEmail] = useState('');
  const [saved, setSaved] = useState<boolean | null>(null);
  useEffect(() => {
    if (current.data) {
      setEnabled(current.data.enabled);
      setEmail(current.data.email ?? '');
    }
  }, [current.data]);
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const address = email.trim();
    if (enabled && !EMAIL.test(address)) return;
    save.mutate(
      { enabled, email: address === '' ? null : address },
      { onSuccess: (result) => setSaved(result.enabled) },
    );
  }

  return (
    <Card>
      <h2 className="mb-1 text-base font-bold text-slate-900">{t('profile.digest.title')}</h2>
      <p className="mb-3 text-sm text-slate-600">{t('profile.digest.help')}</p>
      {current.isPending ? <Loading label={t('app.loading')} /> : null}
      {current.isError ? <ErrorAlert>{errorMessage(current.error)}</ErrorAlert> : null}
      {current.data ? (
        <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex max-w-md flex-col gap-4">
          <Checkbox
            isSelected={enabled}
            onChange={(on) => {
              setSaved(null);
              setEnabled(on);
            }}
          >
            {t('profile.digest.enabled')}
          </Checkbox>
          <TextField
            label={t('profile.digest.email')}
            description={t('profile.digest.emailHelp')}
            name="email"
            type="email"
            autoComplete="email"
            ltr
            isRequired={enabled}
            value={email}
            onChange={(value) => {
              setSaved(null);
              setEmail(value);
            }}
            validate={(value) => {
              const v = value.trim();
              if (v === '') return enabled ? t('profile.digest.emailRequired') : null;
              return EMAIL.test(v) ? null : t('profile.digest.emailInvalid');
            }}
          />
          {save.isError && Object.keys(fieldErrors).length === 0 ? (
            <ErrorAlert>{errorMessage(save.error)}</ErrorAlert>
          ) : null}
          <SuccessNotice>
            {saved === null ? null : saved ? t('profile.digest.savedOn') : t('profile.digest.savedOff')}
          </SuccessNotice>
          <div>
            <Button type="submit" variant="secondary" isPending={save.isPending}>
              {save.isPending ? t('app.saving') : t('profile.digest.save')}
            </Button>
          </div>
        </Form>
      ) : null}
    </Card>
  );
}
