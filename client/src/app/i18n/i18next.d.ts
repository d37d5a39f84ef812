import type { zhCN } from './zh-CN';

// Typed keys: t('no.such.key') fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
    returnNull: false;
  }
}
