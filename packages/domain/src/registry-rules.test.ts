import { describe, expect, it } from 'vitest';
import {
  certificateValidOn,
  checkCertificateDates,
  checkLabelList,
  checkRatioBp,
  checkText,
  checkYear,
  isIsoDate,
  splitLabels,
} from './registry-rules.js';
import { formatRatioBp, parseRatioBp } from './limits.js';

describe('registry rules', () => {
  it('reads real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-1-5')).toBe(false);
  });

  it('checks certificate periods and validity on a day', () => {
    expect(checkCertificateDates('2024-01-01', '2026-12-31')).toBeNull();
    expect(checkCertificateDates('2027-01-01', '2026-12-31')?.field).toBe('certificateValidUntil');
    expect(certificateValidOn('2024-01-01', '2026-12-31', '2026-12-31')).toBe(true);
    expect(certificateValidOn('2024-01-01', '2026-12-31', '2027-01-01')).toBe(false);
  });

  it('bounds ratios, years and texts, saying how to fix them', () => {
    expect(checkRatioBp('r', -1)?.hint.en).toMatch(/0 to 10000/);
    expect(checkRatioBp('r', -1)?.hint['zh-CN']).toMatch(/0%–100%/);
    expect(checkRatioBp('r', 10_000)).toBeNull();
    expect(checkYear('y', 1999)?.hint.en).toMatch(/2000 to 2100/);
    expect(checkText('name', ' ', 10, true)?.message).toEqual({ en: 'name is empty', 'zh-CN': '名称为空' });
    expect(checkText('name', 'x'.repeat(11), 10, true)?.hint.en).toMatch(/at most 10/);
  });

  it('splits and checks label lists', () => {
    expect(splitLabels('土地管理、测绘; 规划，执法')).toEqual(['土地管理', '测绘', '规划', '执法']);
    expect(checkLabelList('tags', ['a,b'])?.message.en).toMatch(/comma/);
  });

  it('reads and writes ratios as people write them', () => {
    expect(parseRatioBp('不低于 10%')).toBe(1000);
    expect(parseRatioBp('不不低于 30%')).toBe(3000);
    expect(parseRatioBp('0.05')).toBe(500);
    expect(parseRatioBp('150%')).toBeNull();
    expect(formatRatioBp(250)).toBe('2.5%');
    expect(formatRatioBp(1000)).toBe('10%');
  });
});
