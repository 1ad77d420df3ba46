import { DEFAULT_LOCALE } from '@suiji/domain';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import zhCN from '../i18n/zh-CN';

/**
 * Simplified Chinese by default; English from the language menu in the app bar, its messages fetched when
 * first chosen (the first screen loads one language, not two).
 */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('../i18n/en').then((module) => module.default) : zhCN),
  DEFAULT_LOCALE,
  [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ],
);
