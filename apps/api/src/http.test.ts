import type { Request, RequestHandler, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { takeTurns } from './http.js';

/** Waits this long on the thread, as a request on SQLite does its work. */
const busy = (ms: number) => {
  const start = performance.now();
  while (performance.now() - start < ms);
};

/** Sends `count` requests through the handler at once; each, once started, works `ms` and is done. */
function send(
  handler: RequestHandler,
  count: number,
  ms: number,
  started: (number | string)[] = [],
  name = (i: number): number | string => i,
): { started: (number | string)[] } {
  for (let i = 0; i < count; i++)
    void handler({} as Request, {} as Response, () => {
      started.push(name(i));
      // Its work, as a SQLite statement's promise runs it: before the next immediate.
      void Promise.resolve().then(() => busy(ms));
    });
  return { started };
}

const nextTurnOfTheLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('takeTurns', () => {
  it('starts what a turn of the event loop has time for and lets the loop turn before the rest', async () => {
    const { started } = send(takeTurns(10), 20, 5);
    await nextTurnOfTheLoop();
    // 5 ms each against a 10 ms budget: two, or three if the second ended just under it; never all.
    expect(started.length).toBeGreaterThanOrEqual(1);
    expect(started.length).toBeLessThanOrEqual(3);
    while (started.length < 20) await nextTurnOfTheLoop();
    expect(started).toEqual([...Array(20).keys()]);
  });

  it('starts at once what fits in a turn', async () => {
    const { started } = send(takeTurns(1000), 5, 0);
    await nextTurnOfTheLoop();
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the order of arrival across turns, for requests arriving while others wait', async () => {
    const handler = takeTurns(10);
    const started: (number | string)[] = [];
    send(handler, 6, 6, started, (i) => `first ${i}`);
    await nextTurnOfTheLoop();
    expect(started.length).toBeLessThan(6);
    send(handler, 3, 0, started, (i) => `later ${i}`);
    while (started.length < 9) await nextTurnOfTheLoop();
    expect(started).toEqual([
      ...[0, 1, 2, 3, 4, 5].map((i) => `first ${i}`),
      ...[0, 1, 2].map((i) => `later ${i}`),
    ]);
  });
});
