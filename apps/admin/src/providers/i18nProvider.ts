import { DEFAULT_LOCALE } from '@suiji/domain';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import en from '../i18n/en';
import zhCN from '../i18n/zh-CN';

/** Simplified Chinese by default; English from the language menu in the app bar. */
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : zhCN), DEFAULT_LOCALE, [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
]);
