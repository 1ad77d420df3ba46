/**
 * 公开随机源: the public event whose outcome becomes a draw's public entropy (spec suiji-draw/1 §3).
 *
 * The coordinator declares it when scheduling — which source, which issue (期号) or round, and when its
 * outcome is published — and the declaration is published with the commitment and never changes. The
 * draw runs only once that time has passed, and only with entropy in the source's format, which this
 * module turns into one canonical text: the text the record's `publicEntropy` holds. The canonical text
 * names the source and the issue, so the record alone says which public event seeded it.
 *
 * Lotteries give numbers in the order drawn (出球顺序), kept in that order; a randomness beacon gives its
 * round's value in hex.
 */
import { formatChinaTime } from './china-time.js';
import type { EntropySource } from './glossary.js';
import { LABELS, type Locale } from './labels.js';
import { text, type Text } from './text.js';

/** A range of numbers a lottery draws: `count` of them in `min`..`max`, distinct unless `repeats`. */
interface NumberGroup {
  readonly name: Record<Locale, string>;
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly repeats?: boolean;
  /** Digits shown per number (双色球 03, 福彩3D 3). */
  readonly width: number;
}

interface SourceRule {
  /** What an issue looks like, in words, and its pattern. */
  readonly issue: {
    readonly pattern: RegExp;
    readonly example: string;
    readonly hint: Record<Locale, string>;
  };
  /** Lotteries: the groups of numbers in the order the result lists them. */
  readonly groups?: readonly NumberGroup[];
  /** Beacons: the value's length in hex digits. */
  readonly hexDigits?: number;
  /** How many digits of the year the issue starts with (the year of its publication, in China). */
  readonly yearDigits?: 2 | 4;
  /**
   * Lotteries: the China weekdays they draw on (0 Sunday … 6 Saturday), and how many draws a year's
   * issues may lag the calendar by (the Spring Festival break, when none is drawn).
   */
  readonly calendar?: { readonly weekdays: readonly number[]; readonly breakDraws: number };
  /** The canonical text's prefix: the source and issue in the words of its publisher. */
  readonly canonical: (issue: string) => string;
}

/** drand's quicknet chain (League of Entropy): round 1 at its genesis, one round every 3 seconds. */
export const DRAND_QUICKNET = { genesis: 1_692_803_367, period: 3 } as const;

export const ENTROPY_RULES: Readonly<Record<EntropySource, SourceRule>> = {
  SSQ: {
    issue: {
      pattern: /^\d{7}$/,
      example: '2026139',
      hint: {
        'zh-CN': '7 位期号：年份 + 3 位序号，如 2026139',
        en: '7 digits: the year and a 3-digit number, e.g. 2026139',
      },
    },
    groups: [
      { name: { 'zh-CN': '红球', en: 'red' }, count: 6, min: 1, max: 33, width: 2 },
      { name: { 'zh-CN': '蓝球', en: 'blue' }, count: 1, min: 1, max: 16, width: 2 },
    ],
    yearDigits: 4,
    calendar: { weekdays: [0, 2, 4], breakDraws: 6 },
    canonical: (issue) => `中国福利彩票双色球 第${issue}期`,
  },
  DLT: {
    issue: {
      pattern: /^\d{5}$/,
      example: '26139',
      hint: {
        'zh-CN': '5 位期号：年份后两位 + 3 位序号，如 26139',
        en: '5 digits: the year’s last two and a 3-digit number, e.g. 26139',
      },
    },
    groups: [
      { name: { 'zh-CN': '前区', en: 'front' }, count: 5, min: 1, max: 35, width: 2 },
      { name: { 'zh-CN': '后区', en: 'back' }, count: 2, min: 1, max: 12, width: 2 },
    ],
    yearDigits: 2,
    calendar: { weekdays: [1, 3, 6], breakDraws: 6 },
    canonical: (issue) => `中国体育彩票超级大乐透 第${issue}期`,
  },
  FC3D: {
    issue: {
      pattern: /^\d{7}$/,
      example: '2026320',
      hint: {
        'zh-CN': '7 位期号：年份 + 3 位序号，如 2026320',
        en: '7 digits: the year and a 3-digit number, e.g. 2026320',
      },
    },
    groups: [
      { name: { 'zh-CN': '开奖号码', en: 'digit' }, count: 3, min: 0, max: 9, repeats: true, width: 1 },
    ],
    yearDigits: 4,
    calendar: { weekdays: [0, 1, 2, 3, 4, 5, 6], breakDraws: 12 },
    canonical: (issue) => `中国福利彩票福彩3D 第${issue}期`,
  },
  DRAND: {
    issue: {
      pattern: /^[1-9]\d{0,11}$/,
      example: '20000000',
      hint: {
        'zh-CN': '轮次（正整数）；发布时间由轮次确定',
        en: 'The round (a positive integer); it fixes the time',
      },
    },
    hexDigits: 64,
    canonical: (issue) => `drand quicknet round ${issue}`,
  },
};

/** When a drand quicknet round is published. */
export function drandRoundTime(round: number): Date {
  return new Date((DRAND_QUICKNET.genesis + (round - 1) * DRAND_QUICKNET.period) * 1000);
}

/** The first drand quicknet round published at or after an instant. */
export function drandRoundAfter(instant: Date): number {
  const seconds = instant.getTime() / 1000 - DRAND_QUICKNET.genesis;
  return Math.max(1, Math.ceil(seconds / DRAND_QUICKNET.period) + 1);
}

/** Lottery results are announced in the evening, China time: from this hour to midnight. */
export const LOTTERY_EVENING_FROM_HOUR = 21;
/** The time a lottery's result is usually out, China time, for suggestions. */
const LOTTERY_RESULT_AT = '21:30';
const WEEKDAYS: Record<Locale, readonly string[]> = {
  'zh-CN': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'],
};

const chinaWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * How many draws a lottery holds from 1 January to `day` (YYYY-MM-DD, China), both included, on its calendar's
 * `weekdays`.
 */
function drawsUpTo(weekdays: readonly number[], day: string): number {
  let n = 0;
  for (
    let d = Date.parse(`${day.slice(0, 4)}-01-01T00:00:00Z`);
    d <= Date.parse(`${day}T00:00:00Z`);
    d += 86_400_000
  )
    if (weekdays.includes(new Date(d).getUTCDay())) n++;
  return n;
}

/**
 * A lottery's next draw after an instant, on its calendar — its issue numbered as if no draw were
 * skipped, and its result at 21:30 China time: a suggestion to check against the lottery's own notice.
 */
export function nextLotteryDraw(source: EntropySource, after: Date): { issue: string; publishedAt: Date } {
  const rule = ENTROPY_RULES[source];
  if (!rule.calendar) throw new Error(`${source} is not a lottery`);
  for (let n = 0; ; n++) {
    const day = formatChinaTime(after.getTime() + n * 86_400_000);
    const publishedAt = new Date(`${day}T${LOTTERY_RESULT_AT}:00+08:00`);
    if (!rule.calendar.weekdays.includes(chinaWeekday(day)) || publishedAt.getTime() <= after.getTime())
      continue;
    const year = rule.yearDigits === 4 ? day.slice(0, 4) : day.slice(2, 4);
    return {
      issue: `${year}${String(drawsUpTo(rule.calendar.weekdays, day)).padStart(3, '0')}`,
      publishedAt,
    };
  }
}

export interface EntropyDeclaration {
  readonly source: EntropySource;
  readonly issue: string;
  /** When the outcome is published (for a beacon, its round's time). */
  readonly publishedAt: Date;
}

/** How far ahead a source may be declared. */
export const MAX_ENTROPY_LEAD_DAYS = 366;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: Text };

const labelOf = (source: EntropySource): Text => ({
  en: LABELS.en.entropySource[source],
  'zh-CN': LABELS['zh-CN'].entropySource[source],
});
const chinaYearOf = (instant: Date) => Number(formatChinaTime(instant).slice(0, 4));
const when = (instant: Date) => `${formatChinaTime(instant, true)} (China)`;

/**
 * A declaration as the rules accept it at scheduling (`now`), with a beacon's time computed from its
 * round; or what is wrong and how to put it right.
 */
export function checkEntropyDeclaration(
  input: { source: EntropySource; issue: string; publishedAt?: Date | null },
  now: Date,
): Checked<EntropyDeclaration> {
  const rule = ENTROPY_RULES[input.source];
  const label = labelOf(input.source);
  const issue = input.issue.normalize('NFKC').trim();
  if (!rule.issue.pattern.test(issue))
    return {
      ok: false,
      message: text(
        `"${input.issue}" is not an issue of ${label.en}: ${rule.issue.hint.en}.`,
        `“${input.issue}”不是${label['zh-CN']}的期号：${rule.issue.hint['zh-CN']}。`,
      ),
    };
  let publishedAt: Date;
  if (input.source === 'DRAND') {
    publishedAt = drandRoundTime(Number(issue));
    if (input.publishedAt && !(Math.abs(input.publishedAt.getTime() - publishedAt.getTime()) < 1000))
      return {
        ok: false,
        message: text(
          `drand round ${issue} is published at ${when(publishedAt)}, not at ${when(input.publishedAt)}: give the round alone.`,
          `drand 第 ${issue} 轮的发布时间是 ${when(publishedAt)}，不是 ${when(input.publishedAt)}：只需填写轮次。`,
        ),
      };
  } else {
    if (!input.publishedAt || Number.isNaN(input.publishedAt.getTime()))
      return {
        ok: false,
        message: text(
          `Say when ${label.en} issue ${issue} is published (publishedAt).`,
          `请填写${label['zh-CN']}第 ${issue} 期的开奖公布时间。`,
        ),
      };
    publishedAt = input.publishedAt;
    const year = rule.yearDigits === 4 ? Number(issue.slice(0, 4)) : 2000 + Number(issue.slice(0, 2));
    if (year !== chinaYearOf(publishedAt))
      return {
        ok: false,
        message: text(
          `Issue ${issue} is of ${year}, but its publication was given in ${chinaYearOf(publishedAt)}: check the issue and the date.`,
          `第 ${issue} 期属于 ${year} 年，但填写的公布时间在 ${chinaYearOf(publishedAt)} 年：请核对期号和时间。`,
        ),
      };
  }
  if (publishedAt.getTime() <= now.getTime())
    return {
      ok: false,
      message: text(
        `${label.en} ${issue} is published at ${when(publishedAt)}, which is not in the future: declare an event whose outcome does not exist yet.`,
        `${label['zh-CN']}第 ${issue} 期的公布时间 ${when(publishedAt)} 不晚于现在：请声明结果尚未产生的事件。`,
      ),
    };
  if (publishedAt.getTime() > now.getTime() + MAX_ENTROPY_LEAD_DAYS * 86_400_000)
    return {
      ok: false,
      message: text(
        `${label.en} ${issue} is more than ${MAX_ENTROPY_LEAD_DAYS} days ahead: declare a nearer one.`,
        `${label['zh-CN']}第 ${issue} 期距今超过 ${MAX_ENTROPY_LEAD_DAYS} 天：请声明更近的一期。`,
      ),
    };
  const calendar = rule.calendar;
  if (calendar) {
    // On the lottery's calendar: a draw day, in the evening, and an issue that can be that day's (no
    // further ahead than the draws held so far, no further behind than a break's) — so that an issue
    // already drawn cannot be declared with a later day.
    const day = formatChinaTime(publishedAt);
    const weekday = chinaWeekday(day);
    const days = (locale: Locale) =>
      calendar.weekdays.map((d) => WEEKDAYS[locale][d]).join(locale === 'en' ? ', ' : '、');
    if (!calendar.weekdays.includes(weekday))
      return {
        ok: false,
        message: text(
          `${label.en} is drawn on ${days('en')}; ${day} is not one of them.`,
          `${label['zh-CN']}于${days('zh-CN')}开奖，${day} 不是开奖日。`,
        ),
      };
    const hour = Number(formatChinaTime(publishedAt, true).slice(11, 13));
    if (hour < LOTTERY_EVENING_FROM_HOUR)
      return {
        ok: false,
        message: text(
          `${label.en}'s results are announced in the evening, from ${LOTTERY_EVENING_FROM_HOUR}:00 China time; give the time they are out.`,
          `${label['zh-CN']}的开奖结果于北京时间 ${LOTTERY_EVENING_FROM_HOUR}:00 之后公布：请填写结果公布的时间。`,
        ),
      };
    const held = drawsUpTo(calendar.weekdays, day);
    const sequence = Number(issue.slice(rule.yearDigits));
    if (sequence > held || sequence < held - calendar.breakDraws)
      return {
        ok: false,
        message: text(
          `Issue ${issue} is not drawn on ${day}: by then ${label.en} has held about ${held} draws this year (a few fewer after the Spring Festival break); check the issue against the lottery's notice.`,
          `第 ${issue} 期不在 ${day} 开奖：截至当日${label['zh-CN']}本年约开奖 ${held} 期（春节休市后略少）：请对照彩票机构的公告核对期号。`,
        ),
      };
  }
  return { ok: true, value: { source: input.source, issue, publishedAt } };
}

/** The format of a source's outcome, in words, for forms and errors. */
export function entropyFormat(source: EntropySource, locale: Locale): string {
  const rule = ENTROPY_RULES[source];
  if (rule.hexDigits)
    return locale === 'en'
      ? `the round's randomness: ${rule.hexDigits} hex digits`
      : `该轮的 randomness：${rule.hexDigits} 位十六进制数`;
  if (!rule.groups) throw new Error(`${source} has neither hex digits nor groups of numbers`);
  const groups = rule.groups.map((g) =>
    locale === 'en'
      ? `${g.count} ${g.name.en} number${g.count > 1 ? 's' : ''} ${g.min}–${g.max}${g.repeats ? '' : ', distinct'}`
      : `${g.name['zh-CN']} ${g.count} 个（${g.min}–${g.max}${g.repeats ? '' : '，不重复'}）`,
  );
  return locale === 'en'
    ? `${groups.join(', then ')}, in the order drawn`
    : `按出球顺序：${groups.join('，')}`;
}

/**
 * The outcome of the declared event as the record's canonical `publicEntropy` text — the source and
 * issue, then the numbers in the order drawn (zero-padded, groups joined by " + ") or the beacon's value
 * in lowercase hex — or what is wrong with it. Numbers may be separated by anything but digits; 福彩3D's
 * three digits may also come as one number ("381").
 */
export function canonicalEntropy(source: EntropySource, issue: string, outcome: string): Checked<string> {
  const rule = ENTROPY_RULES[source];
  const label = labelOf(source);
  const prefix = rule.canonical(issue);
  // Full-width digits and punctuation (as a Chinese input method types them) read as their plain forms.
  const given = outcome.normalize('NFKC').trim();
  if (given === '')
    return {
      ok: false,
      message: text(
        `Enter the outcome of ${label.en} ${issue}: ${entropyFormat(source, 'en')}.`,
        `请填写${label['zh-CN']}第 ${issue} 期的结果：${entropyFormat(source, 'zh-CN')}。`,
      ),
    };
  if (rule.hexDigits) {
    // The canonical text itself reads as its value.
    const bare = given.startsWith(prefix)
      ? given
          .slice(prefix.length)
          .trim()
          .replace(/^randomness\s+/, '')
      : given;
    const hex = bare.replace(/^0x/i, '').toLowerCase();
    if (!new RegExp(`^[0-9a-f]{${rule.hexDigits}}$`).test(hex))
      return {
        ok: false,
        message: text(
          `"${given.slice(0, 80)}" is not ${entropyFormat(source, 'en')}.`,
          `“${given.slice(0, 80)}”不是${entropyFormat(source, 'zh-CN')}。`,
        ),
      };
    return { ok: true, value: `${prefix} randomness ${hex}` };
  }
  const groups = rule.groups;
  if (!groups) throw new Error(`${source} has neither hex digits nor groups of numbers`);
  // The canonical text itself, or the numbers with the groups' names, read the same as bare numbers.
  let bare = given.startsWith(prefix) ? given.slice(prefix.length) : given;
  for (const group of groups) bare = bare.split(group.name['zh-CN']).join(' ');
  const tokens = bare.match(/\d+/g) ?? [];
  const wanted = groups.reduce((sum, g) => sum + g.count, 0);
  let numbers = tokens.map(Number);
  if (tokens.length === 1 && groups.every((g) => g.width === 1) && tokens[0].length === wanted)
    numbers = [...tokens[0]].map(Number);
  if (numbers.length !== wanted || /[^\d\s,，、;；|+＋\-–]/.test(bare))
    return {
      ok: false,
      message: text(
        `"${given.slice(0, 80)}" is not the outcome of ${label.en}: it takes ${entropyFormat(source, 'en')}.`,
        `“${given.slice(0, 80)}”不是${label['zh-CN']}的开奖结果：应为${entropyFormat(source, 'zh-CN')}。`,
      ),
    };
  const parts: string[] = [];
  let at = 0;
  for (const group of groups) {
    const mine = numbers.slice(at, at + group.count);
    at += group.count;
    const out = mine.find((n) => n < group.min || n > group.max);
    if (out !== undefined)
      return {
        ok: false,
        message: text(
          `${out} is not a ${group.name.en} number of ${label.en} (${group.min}–${group.max}).`,
          `${out} 不是${label['zh-CN']}的${group.name['zh-CN']}号码（${group.min}–${group.max}）。`,
        ),
      };
    if (!group.repeats && new Set(mine).size !== mine.length)
      return {
        ok: false,
        message: text(
          `The ${group.name.en} numbers of ${label.en} are distinct; ${mine.join(' ')} repeats one.`,
          `${label['zh-CN']}的${group.name['zh-CN']}号码互不重复，${mine.join(' ')} 有重复。`,
        ),
      };
    parts.push(mine.map((n) => String(n).padStart(group.width, '0')).join(' '));
  }
  return { ok: true, value: `${prefix} ${parts.join(' + ')}` };
}

/** The least time between scheduling a draw and running it, unless the deployment sets another. */
export const DRAW_MIN_DELAY_SECONDS_DEFAULT = 24 * 3600;
