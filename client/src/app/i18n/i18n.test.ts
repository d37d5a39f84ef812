import dayjs from 'dayjs';
import { changeLanguage, i18n, LANGUAGE_STORAGE_KEY } from './index';
import { en } from './en';
import { zhCN } from './zh-CN';

type Leaves = Map<string, unknown>;

// Flattens nested messages to 'a.b.c' -> value, keeping non-string leaves so they fail below.
function leaves(value: unknown, prefix = '', out: Leaves = new Map()): Leaves {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

const placeholders = (text: unknown): string[] =>
  typeof text === 'string' ? [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort() : [];

describe('translations', () => {
  const zh = leaves(zhCN);
  const english = leaves(en);

  it('has every Chinese key in English', () => {
    const missing = [...zh.keys()].filter((key) => !english.has(key));
    expect(missing).toEqual([]);
  });

  it('has every English key in Chinese', () => {
    const missing = [...english.keys()].filter((key) => !zh.has(key));
    expect(missing).toEqual([]);
  });

  it('has a non-empty text for every key in both languages', () => {
    const bad = [...zh, ...english].filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const mismatched = [...zh.keys()].filter(
      (key) => placeholders(zh.get(key)).join() !== placeholders(english.get(key)).join(),
    );
    expect(mismatched).toEqual([]);
  });
});

describe('language switch', () => {
  afterEach(async () => {
    await changeLanguage('zh-CN');
  });

  it('starts in Chinese', () => {
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('app.title')).toBe('对口支援项目管理系统');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches texts, <html lang>, dates and the remembered choice together', async () => {
    await changeLanguage('en');
    expect(i18n.t('app.title')).toBe('Partner Assistance Tracking');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Partner Assistance Tracking');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(dayjs.locale()).toBe('en');

    await changeLanguage('zh-CN');
    expect(dayjs.locale()).toBe('zh-cn');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });
});
