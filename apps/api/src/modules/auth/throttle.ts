/**
 * Throttling of sign-in attempts (the numbers are the domain's `LOGIN_THROTTLE`), per account and per
 * address. An attempt is counted before its password is hashed, and counted as if it will fail: a
 * subject that must wait is refused without hashing, and attempts sent in parallel cannot slip past the
 * count, because each one locks the subject's row. A successful attempt then forgets the account's
 * failures and uncounts itself from the address. The account is the username as typed, whether or not
 * it exists, so an unknown account is throttled exactly like a known one.
 */
import type { EntityManager } from '@mikro-orm/core';
import { text, type LoginThrottleLimits, type Text } from '@suiji/domain';
import { dialectOf } from '../../db/dialect.js';
import { execute } from '../../db/sql.js';
import { TooManyAttemptsError } from '../../graphql/errors.js';
import { LoginThrottle } from './throttle.entity.js';

type Kind = 'account' | 'address';

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  blockedUntil: Date | null;
}

/** An address is an IP (at most 45 characters); a longer one came from a forwarded header and is cut. */
const ADDRESS_MAX = 64;

/** The subjects of an attempt: the account typed and, when known, the client's address. */
export function throttleSubjects(username: string, address: string | null): string[] {
  return [`account:${username}`, ...(address ? [`address:${networkOf(address).slice(0, ADDRESS_MAX)}`] : [])];
}

/**
 * The network an address is counted by: an IPv4 address itself (also when written as IPv6,
 * `::ffff:a.b.c.d`), an IPv6 address by its /64, which one client may hold whole and rotate through.
 */
export function networkOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return mapped;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function kindOf(subject: string): Kind {
  return subject.startsWith('address:') ? 'address' : 'account';
}

function windowSeconds(kind: Kind, limits: LoginThrottleLimits): number {
  return kind === 'account' ? limits.accountWindowSeconds : limits.addressWindowSeconds;
}

/** Whole seconds `state` must still wait at `now` (0: it may try). */
export function waitSeconds(state: ThrottleState, now: Date): number {
  const ms = (state.blockedUntil?.getTime() ?? 0) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/**
 * The state after one more attempt, counted as a failure: its window starts again once passed; an
 * account waits from its `accountFreeFailures`-th failure on, twice as long at each further one up to
 * the cap; an address waits out its window once it reaches `addressMaxFailures`.
 */
export function afterAttempt(
  kind: Kind,
  state: ThrottleState,
  limits: LoginThrottleLimits,
  now: Date,
): ThrottleState {
  const windowEnd = state.windowStart.getTime() + windowSeconds(kind, limits) * 1000;
  const fresh = windowEnd <= now.getTime();
  const windowStart = fresh ? now : state.windowStart;
  const failures = fresh ? 1 : state.failures + 1;
  let blockedUntil: Date | null = null;
  if (kind === 'account' && failures >= limits.accountFreeFailures) {
    const seconds = Math.min(
      limits.accountFirstDelaySeconds * 2 ** (failures - limits.accountFreeFailures),
      limits.accountMaxDelaySeconds,
    );
    blockedUntil = new Date(now.getTime() + seconds * 1000);
  } else if (kind === 'address' && failures >= limits.addressMaxFailures) {
    blockedUntil = new Date(windowStart.getTime() + limits.addressWindowSeconds * 1000);
  }
  return { failures, windowStart, blockedUntil };
}

const iso = (date: Date) => date.toISOString();

/** Locks and returns the subjects' rows (created when missing), after pruning the rows of past windows. */
async function lockRows(
  em: EntityManager,
  subjects: readonly string[],
  limits: LoginThrottleLimits,
  now: Date,
): Promise<LoginThrottle[]> {
  const longest = Math.max(limits.accountWindowSeconds, limits.addressWindowSeconds);
  const stale = 'window_start < ? and (blocked_until is null or blocked_until < ?)';
  // Keeps the table to the subjects tried within the longest window, or still waiting. On PostgreSQL
  // the rows another attempt holds are skipped, so that two attempts never wait for each other here.
  await execute(
    em,
    `delete from login_throttle where subject in (select subject from login_throttle where ${stale}${dialectOf(em).forUpdateSkipLocked})`,
    [iso(new Date(now.getTime() - longest * 1000)), iso(now)],
  );
  // Always in the same order, so that two attempts sharing a subject lock their rows in the same order.
  const sorted = [...subjects].sort();
  await execute(
    em,
    `insert into login_throttle (subject, failures, window_start) values ${sorted.map(() => '(?, 0, ?)').join(', ')} on conflict do nothing`,
    sorted.flatMap((subject) => [subject, iso(now)]),
  );
  // PostgreSQL locks the rows until commit; SQLite has one writer, and the insert above made this it.
  return em.find(
    LoginThrottle,
    { subject: { $in: [...subjects] } },
    { orderBy: { subject: 'asc' }, ...dialectOf(em).lockRows },
  );
}

function tooMany(seconds: number): TooManyAttemptsError {
  return new TooManyAttemptsError(
    text(
      `Too many failed sign-in attempts: try again in ${seconds} seconds.`,
      `登录失败次数过多：请 ${seconds} 秒后再试。`,
    ),
    seconds,
  );
}

/**
 * Counts an attempt of `subjects` before its password is checked; throws a "try again in N seconds"
 * error when one of them must wait. Returns the seconds the caller will have to wait if this attempt
 * fails (0 when none), for the failure's message.
 */
export async function beginAttempt(
  em: EntityManager,
  subjects: readonly string[],
  limits: LoginThrottleLimits,
  now: Date,
): Promise<number> {
  const { refused, ifFailed } = await em.transactional(async (tx) => {
    // A subject that must wait refuses the attempt before anything is written: guesses from a blocked
    // address under ever new usernames would otherwise add a row each.
    const waiting = await tx.find(LoginThrottle, { subject: { $in: [...subjects] } });
    const waitNow = Math.max(0, ...waiting.map((row) => waitSeconds(row, now)));
    if (waitNow > 0) return { refused: waitNow, ifFailed: 0 };
    const rows = await lockRows(tx, subjects, limits, now);
    const wait = Math.max(0, ...rows.map((row) => waitSeconds(row, now)));
    if (wait > 0) return { refused: wait, ifFailed: 0 };
    for (const row of rows) Object.assign(row, afterAttempt(kindOf(row.subject), row, limits, now));
    return { refused: 0, ifFailed: Math.max(0, ...rows.map((row) => waitSeconds(row, now))) };
  });
  if (refused > 0) throw tooMany(refused);
  return ifFailed;
}

/** The attempt succeeded: the account's failures are forgotten and the address's count loses this attempt. */
export async function attemptSucceeded(
  em: EntityManager,
  subjects: readonly string[],
  limits: LoginThrottleLimits,
): Promise<void> {
  await em.transactional(async (tx) => {
    const rows = await tx.find(
      LoginThrottle,
      { subject: { $in: [...subjects] } },
      { orderBy: { subject: 'asc' }, ...dialectOf(tx).lockRows },
    );
    for (const row of rows) {
      if (kindOf(row.subject) === 'account') tx.remove(row);
      else {
        row.failures = Math.max(0, row.failures - 1);
        if (row.failures < limits.addressMaxFailures) row.blockedUntil = null;
      }
    }
  });
}

/** The message of a failed attempt, with how long to wait when this failure made the caller wait. */
export function withWait(message: Text, waitAfter: number): Text {
  if (waitAfter === 0) return message;
  return text(
    `${message.en} Too many failed attempts: try again in ${waitAfter} seconds.`,
    `${message['zh-CN']}失败次数过多：请 ${waitAfter} 秒后再试。`,
  );
}
