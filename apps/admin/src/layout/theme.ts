import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's default theme with system fonts (Chinese ones first where present): nothing is fetched from
 * a font service, the dashboard must work offline.
 */
export const FONT_FAMILY = [
  'system-ui',
  '-apple-system',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(',');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: { ...defaultTheme.typography, fontFamily: FONT_FAMILY },
};
