import { LABELS } from '@suiji/domain';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('translate every react-admin message into Chinese', () => {
    const missing = keys(englishMessages.ra, 'ra').filter((k) => !keys(zhCN.ra, 'ra').includes(k));
    expect(missing).toEqual([]);
  });

  it('have the same keys in Chinese and English', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('name enum values from the domain labels', () => {
    expect((zhCN.enums as unknown as (typeof LABELS)['zh-CN']).role.INSPECTOR).toBe(
      LABELS['zh-CN'].role.INSPECTOR,
    );
  });
});
