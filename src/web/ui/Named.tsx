import { Trans, useTranslation } from 'react-i18next';

type NamedKey =
  | 'home.greeting'
  | 'users.editTitle'
  | 'users.confirmDisable.title'
  | 'users.done.created'
  | 'users.done.updated'
  | 'users.done.disabled'
  | 'users.done.enabled'
  | 'accounts.resetPassword.title'
  | 'accounts.resetTotp.title'
  | 'accounts.done.passwordReset'
  | 'accounts.done.totpReset'
  | 'accounts.revokeSessions.title'
  | 'accounts.done.sessionsRevoked';

/**
 * A sentence with a person's name in it. The name sits in `<bdi>` (the translation marks where), so a Latin
 * name or digits cannot reorder the Arabic around it, and the text stays plain for search and screen readers.
 */
export function Named({ k, name }: { k: NamedKey; name: string }) {
  // Passing `t` subscribes this sentence to language changes even when its parent does not re-render.
  const { t } = useTranslation();
  return <Trans t={t} i18nKey={k} values={{ name }} components={{ bdi: <bdi /> }} />;
}
