import { describe, expect, it } from 'vitest';
import {
  canonicalEntropy,
  checkEntropyDeclaration,
  drandRoundAfter,
  drandRoundTime,
  entropyFormat,
  nextLotteryDraw,
} from './entropy.js';

const NOW = new Date('2026-12-01T12:00:00+08:00');
const at = (text: string) => new Date(text);

describe('a declared entropy source', () => {
  it('takes a lottery issue of the year it is published in, in the future', () => {
    // 2026-12-03 is a Thursday: 双色球 has held 145 draws of 2026 by then, on its calendar.
    expect(
      checkEntropyDeclaration(
        { source: 'SSQ', issue: ' 2026140 ', publishedAt: at('2026-12-03T21:30:00+08:00') },
        NOW,
      ),
    ).toEqual({
      ok: true,
      value: { source: 'SSQ', issue: '2026140', publishedAt: at('2026-12-03T21:30:00+08:00') },
    });
    // 2027-01-02 is a Saturday, the first 大乐透 draw of 2027.
    expect(
      checkEntropyDeclaration(
        { source: 'DLT', issue: '27001', publishedAt: at('2027-01-02T21:30:00+08:00') },
        NOW,
      ).ok,
    ).toBe(true);
  });

  it('refuses an issue of the wrong shape or year, a time past or too far, and a lottery without a time', () => {
    const message = (r: ReturnType<typeof checkEntropyDeclaration>) => (r.ok ? '' : r.message.en);
    expect(
      message(
        checkEntropyDeclaration(
          { source: 'SSQ', issue: '26139', publishedAt: at('2026-12-03T21:30:00+08:00') },
          NOW,
        ),
      ),
    ).toMatch(/7 digits/);
    expect(
      message(
        checkEntropyDeclaration(
          { source: 'SSQ', issue: '2025139', publishedAt: at('2026-12-03T21:30:00+08:00') },
          NOW,
        ),
      ),
    ).toMatch(/of 2025/);
    expect(
      message(
        checkEntropyDeclaration(
          { source: 'SSQ', issue: '2026130', publishedAt: at('2026-11-20T21:30:00+08:00') },
          NOW,
        ),
      ),
    ).toMatch(/not in the future/);
    expect(
      message(checkEntropyDeclaration({ source: 'SSQ', issue: '2026139', publishedAt: NOW }, NOW)),
    ).toMatch(/not in the future/);
    expect(message(checkEntropyDeclaration({ source: 'FC3D', issue: '2026139' }, NOW))).toMatch(
      /publishedAt/,
    );
    expect(
      message(
        checkEntropyDeclaration(
          { source: 'DLT', issue: '28001', publishedAt: at('2028-01-03T21:30:00+08:00') },
          NOW,
        ),
      ),
    ).toMatch(/366 days/);
  });

  it("holds a lottery to its calendar: a draw day, the evening, and that day's issue", () => {
    const message = (source: 'SSQ' | 'DLT' | 'FC3D', issue: string, time: string) => {
      const r = checkEntropyDeclaration({ source, issue, publishedAt: at(time) }, NOW);
      return r.ok ? 'accepted' : r.message.en;
    };
    // 2026-12-02 is a Wednesday: no 双色球 that day.
    expect(message('SSQ', '2026140', '2026-12-02T21:30:00+08:00')).toMatch(
      /drawn on Sundays, Tuesdays, Thursdays/,
    );
    expect(message('SSQ', '2026140', '2026-12-03T10:00:00+08:00')).toMatch(/in the evening/);
    // 21:30 in China is 13:30 UTC: the evening is China's.
    expect(message('SSQ', '2026140', '2026-12-03T13:30:00Z')).toBe('accepted');
    // An issue drawn weeks before, declared with a later day; and one not yet reached by then.
    expect(message('SSQ', '2026100', '2026-12-03T21:30:00+08:00')).toMatch(
      /not drawn on 2026-12-03.*145 draws/,
    );
    expect(message('SSQ', '2026146', '2026-12-03T21:30:00+08:00')).toMatch(/not drawn on/);
    expect(message('SSQ', '2026139', '2026-12-03T21:30:00+08:00')).toBe('accepted');
    expect(message('FC3D', '2026337', '2026-12-03T21:30:00+08:00')).toBe('accepted');
    expect(message('FC3D', '2026324', '2026-12-03T21:30:00+08:00')).toMatch(/not drawn on/);
  });

  it('suggests the next draw of a lottery on its calendar, which its rules accept', () => {
    expect(nextLotteryDraw('SSQ', NOW)).toEqual({
      issue: '2026144',
      publishedAt: at('2026-12-01T21:30:00+08:00'),
    });
    expect(nextLotteryDraw('SSQ', at('2026-12-01T22:00:00+08:00'))).toEqual({
      issue: '2026145',
      publishedAt: at('2026-12-03T21:30:00+08:00'),
    });
    expect(nextLotteryDraw('DLT', at('2026-12-31T22:00:00+08:00'))).toEqual({
      issue: '27001',
      publishedAt: at('2027-01-02T21:30:00+08:00'),
    });
    for (const source of ['SSQ', 'DLT', 'FC3D'] as const) {
      const next = nextLotteryDraw(source, NOW);
      expect(checkEntropyDeclaration({ source, ...next }, NOW).ok).toBe(true);
    }
  });

  it('dates a drand round from the chain itself, and refuses a time that disagrees', () => {
    const round = drandRoundAfter(NOW) + 100;
    const checked = checkEntropyDeclaration({ source: 'DRAND', issue: String(round) }, NOW);
    expect(checked).toEqual({
      ok: true,
      value: { source: 'DRAND', issue: String(round), publishedAt: drandRoundTime(round) },
    });
    expect(drandRoundTime(1).getTime()).toBe(1_692_803_367_000);
    expect(drandRoundTime(drandRoundAfter(NOW)).getTime()).toBeGreaterThanOrEqual(NOW.getTime());
    expect(drandRoundTime(drandRoundAfter(NOW) - 1).getTime()).toBeLessThan(NOW.getTime());
    expect(checkEntropyDeclaration({ source: 'DRAND', issue: '12' }, NOW).ok).toBe(false);
    expect(
      checkEntropyDeclaration(
        { source: 'DRAND', issue: String(round), publishedAt: at('2026-12-24T00:00:00Z') },
        NOW,
      ).ok,
    ).toBe(false);
    expect(checkEntropyDeclaration({ source: 'DRAND', issue: '0' }, NOW).ok).toBe(false);
  });
});

describe("a source's outcome", () => {
  it('becomes one canonical text, naming the source and issue, numbers in the order drawn', () => {
    const ssq = '中国福利彩票双色球 第2026139期 17 03 28 11 31 22 + 09';
    expect(canonicalEntropy('SSQ', '2026139', '17,3,28,11,31,22 | 9')).toEqual({ ok: true, value: ssq });
    expect(canonicalEntropy('SSQ', '2026139', '红球 17 03 28 11 31 22 蓝球 09')).toEqual({
      ok: true,
      value: ssq,
    });
    // The canonical text reads as itself.
    expect(canonicalEntropy('SSQ', '2026139', ssq)).toEqual({ ok: true, value: ssq });
    expect(canonicalEntropy('DLT', '26139', '5、12、19、27、33；2、11')).toEqual({
      ok: true,
      value: '中国体育彩票超级大乐透 第26139期 05 12 19 27 33 + 02 11',
    });
    // As a Chinese input method types them: full-width digits and plus.
    expect(canonicalEntropy('SSQ', '2026139', '１７　０３　２８　１１　３１　２２＋０９')).toEqual({
      ok: true,
      value: ssq,
    });
    expect(canonicalEntropy('FC3D', '2026320', '381')).toEqual({
      ok: true,
      value: '中国福利彩票福彩3D 第2026320期 3 8 1',
    });
    expect(canonicalEntropy('FC3D', '2026320', '3 3 1')).toEqual({
      ok: true,
      value: '中国福利彩票福彩3D 第2026320期 3 3 1',
    });
    // Every canonical text reads as itself, as the dashboard sends what it showed.
    for (const [source, issue, outcome] of [
      ['SSQ', '2026139', '17 3 28 11 31 22 9'],
      ['DLT', '26139', '5 12 19 27 33 2 11'],
      ['FC3D', '2026320', '381'],
      ['DRAND', '20000000', 'cd'.repeat(32)],
    ] as const) {
      const once = canonicalEntropy(source, issue, outcome);
      expect(once.ok && canonicalEntropy(source, issue, once.value)).toEqual(once);
    }
    const hex = 'AB'.repeat(32);
    expect(canonicalEntropy('DRAND', '20000000', ` ${hex} `)).toEqual({
      ok: true,
      value: `drand quicknet round 20000000 randomness ${hex.toLowerCase()}`,
    });
  });

  it('is refused empty, short, long, out of range, repeated where numbers are distinct, or with other text', () => {
    const bad = (source: Parameters<typeof canonicalEntropy>[0], issue: string, text: string) => {
      const r = canonicalEntropy(source, issue, text);
      return r.ok ? `accepted: ${r.value}` : r.message.en;
    };
    expect(bad('SSQ', '2026139', '  ')).toMatch(/Enter the outcome/);
    expect(bad('SSQ', '2026139', '1 2 3 4 5 6')).toMatch(/6 red numbers 1–33, distinct, then 1 blue/);
    expect(bad('SSQ', '2026139', '1 2 3 4 5 6 7 8')).toMatch(/is not the outcome/);
    expect(bad('SSQ', '2026139', '1 2 3 4 5 34 7')).toMatch(/34 is not a red number/);
    expect(bad('SSQ', '2026139', '1 2 3 4 5 6 17')).toMatch(/17 is not a blue number/);
    expect(bad('SSQ', '2026139', '1 2 3 4 5 5 7')).toMatch(/distinct/);
    expect(bad('SSQ', '2026139', 'lucky 1 2 3 4 5 6 7')).toMatch(/is not the outcome/);
    expect(bad('FC3D', '2026320', '3 8 10')).toMatch(/10 is not a digit number/);
    expect(bad('DRAND', '20000000', 'ab'.repeat(31))).toMatch(/64 hex digits/);
    expect(bad('DRAND', '20000000', 'zz'.repeat(32))).toMatch(/64 hex digits/);
  });

  it('has its format in words in both languages', () => {
    expect(entropyFormat('SSQ', 'zh-CN')).toBe(
      '按出球顺序：红球 6 个（1–33，不重复），蓝球 1 个（1–16，不重复）',
    );
    expect(entropyFormat('DRAND', 'en')).toBe("the round's randomness: 64 hex digits");
  });
});
