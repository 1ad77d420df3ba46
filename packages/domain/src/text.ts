/**
 * Sentences for people, in both languages of the interface. Rules and errors carry a `Text`; whoever
 * shows it picks the reader's language.
 */
import type { Locale } from './labels.js';

export type Text = Readonly<Record<Locale, string>>;

/** A sentence in English and in Simplified Chinese. */
export function text(en: string, zh: string): Text {
  return { en, 'zh-CN': zh };
}

/** Joins sentences language by language. */
export function joinText(parts: readonly Text[], separator = ' '): Text {
  return {
    en: parts.map((p) => p.en).join(separator),
    'zh-CN': parts.map((p) => p['zh-CN']).join(separator === ' ' ? '' : separator),
  };
}
