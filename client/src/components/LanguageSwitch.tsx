import { GlobalOutlined } from '@ant-design/icons';
import { Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, toLanguage, type Language } from '../app/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const value = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  // Each name in its own language, marked so screen readers pronounce it right; aria-label names
  // the option in the select's accessible list, which otherwise reads the value ("zh-CN").
  const options: { value: Language; label: ReactNode; 'aria-label': string }[] = [
    { value: 'zh-CN', label: <span lang="zh-CN">{t('language.zhCN')}</span>, 'aria-label': t('language.zhCN') },
    { value: 'en', label: <span lang="en">{t('language.en')}</span>, 'aria-label': t('language.en') },
  ];
  return (
    <Space size="small">
      <GlobalOutlined aria-hidden />
      <Select<Language>
        aria-label={t('language.label')}
        value={value}
        options={options}
        onChange={(next) => {
          if (isLanguage(next)) void changeLanguage(next);
        }}
        style={{ width: 112 }}
      />
    </Space>
  );
}
