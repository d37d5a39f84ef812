import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'pat.lang';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export const toLanguage = (value: string | undefined): Language => (isLanguage(value) ? value : DEFAULT_LANGUAGE);

function readStoredLanguage(): Language {
  try {
    return toLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY) ?? undefined);
  } catch {
    // Storage can be blocked (privacy settings); the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

// Everything that follows the language lives here, so a switch from any place keeps them in step.
function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.title');
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, but the switch itself still applies.
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
i18n.on('languageChanged', (lng) => applyLanguage(toLanguage(lng)));
applyLanguage(toLanguage(i18n.language));

export const changeLanguage = async (language: Language): Promise<void> => {
  await i18n.changeLanguage(language);
};

export { i18n };
