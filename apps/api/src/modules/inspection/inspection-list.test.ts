import { chinaYear } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../db/statements.js';
import { startTestApp, type TestApp, drandOutcome } from '../../test/harness.js';

const YEAR = chinaYear();
/** What the dashboard's inspection list shows: target, team, items and results. */
const LIST = `query($n: Int!) { inspections(page: { page: 1, perPage: $n }) { total items {
  id state publicationDeadline overdue target { id name creditCode riskClass } team { id name departmentId }
  items { id name } results { category categoryInfo { nameZh problem } findings followUp item { name } } } } }`;

describe('the inspection list', () => {
  let t: TestApp;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.login('coordinator');
    const items = (
      await t.ok(
        'query($y: Int!) { items(filter: { year: $y, q: "土地" }, page: { page: 1, perPage: 100 }) { items { id targetType } } }',
        {
          y: YEAR,
        },
      )
    ).items.items
      .filter((i: { targetType: string }) => i.targetType === '企业')
      .map((i: { id: string }) => i.id);
    const taskId = (
      await t.ok(
        'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
        {
          i: {
            name: '列表任务',
            year: YEAR,
            itemIds: items,
            windowStart: `${YEAR}-01-01`,
            windowEnd: `${YEAR}-12-31`,
          },
        },
        coordinator,
      )
    ).createTask.id;
    const drawId = (
      await t.ok(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
        { i: { taskId, entropy: t.entropy() } },
        coordinator,
      )
    ).scheduleDraw.id;
    t.runnable();
    await t.ok(
      'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }',
      { i: { drawId, publicEntropy: drandOutcome(drawId) } },
      coordinator,
    );
  });
  afterAll(() => t.close());

  it('costs the same few statements whatever the page size', async () => {
    const orm = t.app.orm;
    const signedIn = await countStatements(orm, () => t.ok('{ me { id } }', {}, coordinator));
    const counts: number[] = [];
    for (const perPage of [1, 10, 100]) {
      const { result, statements } = await countStatements(orm, () =>
        t.ok(LIST, { n: perPage }, coordinator),
      );
      expect(result.inspections.items).toHaveLength(perPage);
      expect(result.inspections.items[0].items.length).toBeGreaterThan(0);
      counts.push(statements.length - signedIn.statements.length);
    }
    expect(counts[0]).toBeLessThanOrEqual(5);
    expect(new Set(counts).size).toBe(1);
  });

  it("shows targets' problem counts for a whole page in one statement", async () => {
    const orm = t.app.orm;
    const TARGETS =
      'query($n: Int!) { targets(page: { page: 1, perPage: $n }) { items { id problemCount abnormal } } }';
    const counts: number[] = [];
    for (const perPage of [5, 50]) {
      const { result, statements } = await countStatements(orm, () =>
        t.ok(TARGETS, { n: perPage }, coordinator),
      );
      expect(result.targets.items).toHaveLength(perPage);
      counts.push(statements.length);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
