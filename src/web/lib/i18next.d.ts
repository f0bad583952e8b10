import 'i18next';
import type ar from '../../common/i18n/ar/ui.json';

// Typed translation keys: a key missing from ar/ui.json (the source) fails `tsc`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: { ui: typeof ar };
    returnNull: false;
  }
}
