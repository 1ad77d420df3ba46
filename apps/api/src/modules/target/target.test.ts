import { completeCreditCode } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../db/statements.js';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const CREATE =
  'mutation($i: TargetInput!) { createTarget(input: $i) { id creditCode tags targetTypes status } }';

describe('targets', () => {
  let t: TestApp;
  let admin: string;
  const total = async () => (await t.ok('{ targets { total } }', {}, admin)).targets.total as number;
  const input = (over: Record<string, unknown> = {}) => ({
    name: '舞钢市测试建材有限公司',
    creditCode: completeCreditCode('91410481MA9XYW123'),
    kind: 'ENTERPRISE',
    region: '八台镇',
    riskClass: 'C',
    tags: ['投诉举报'],
    targetTypes: ['企业'],
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('has about 2,000 demo targets spread over risk classes and regions', async () => {
    expect(await total()).toBe(2000);
    for (const riskClass of ['A', 'B', 'C', 'D'])
      expect(
        (await t.ok(`{ targets(filter: { riskClass: ${riskClass} }) { total } }`, {}, admin)).targets.total,
      ).toBeGreaterThan(50);
    expect((await t.ok('{ regions }', {}, admin)).regions.length).toBeGreaterThanOrEqual(10);
  });

  it('creates a target, normalising the credit code, and finds it by code, tag and target type', async () => {
    const created = (
      await t.ok(
        CREATE,
        { i: input({ creditCode: ` ${completeCreditCode('91410481MA9XYW123').toLowerCase()} ` }) },
        admin,
      )
    ).createTarget;
    expect(created).toMatchObject({
      creditCode: completeCreditCode('91410481MA9XYW123'),
      tags: ['投诉举报'],
      status: 'ACTIVE',
    });
    const byCode = await t.ok(
      'query($q: String!) { targets(filter: { q: $q, tag: "投诉举报", targetType: "企业" }) { items { id } } }',
      { q: created.creditCode.slice(8) },
      admin,
    );
    expect(byCode.targets.items).toEqual([{ id: created.id }]);
  });

  it('says what is wrong with a wrong credit code and writes nothing', async () => {
    const before = await total();
    const cases: [string, RegExp][] = [
      ['91410481MA9XYW12', /has 16 characters; it must have exactly 18/],
      ['91410481MA9XYW12O4', /Character 17 \("O"\) is not allowed/],
      [
        completeCreditCode('91410481MA9XYW124').slice(0, 17) +
          (completeCreditCode('91410481MA9XYW124').endsWith('0') ? '1' : '0'),
        /check character .* the first 17 characters give/,
      ],
      ['', /empty/],
    ];
    for (const [creditCode, message] of cases) {
      const result = await t.gql(CREATE, { i: input({ name: `代码 ${creditCode}`, creditCode }) }, admin);
      expect(errorCode(result), creditCode).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(result.errors?.[0]?.extensions?.field).toBe('creditCode');
    }
    expect(await total()).toBe(before);
  });

  it('refuses a duplicate credit code and names the target that has it', async () => {
    const result = await t.gql(CREATE, { i: input({ name: '重复的公司' }) }, admin);
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toMatch(/already registered for "舞钢市测试建材有限公司"/);
  });

  it('refuses tags with commas and too many tags', async () => {
    const comma = await t.gql(
      CREATE,
      { i: input({ creditCode: completeCreditCode('91410481MA9XYW999'), tags: ['a,b'] }) },
      admin,
    );
    expect(errorCode(comma)).toBe('BAD_USER_INPUT');
    expect(comma.errors?.[0]?.message).toMatch(/contains a comma/);
    const many = await t.gql(
      CREATE,
      {
        i: input({
          creditCode: completeCreditCode('91410481MA9XYW998'),
          tags: Array.from({ length: 31 }, (_, i) => `t${i}`),
        }),
      },
      admin,
    );
    expect(errorCode(many)).toBe('BAD_USER_INPUT');
  });

  it('pages and sorts the list', async () => {
    const first = await t.ok(
      '{ targets(sort: { field: "creditCode", order: ASC }, page: { page: 1, perPage: 10 }) { total items { creditCode } } }',
      {},
      admin,
    );
    const second = await t.ok(
      '{ targets(sort: { field: "creditCode", order: ASC }, page: { page: 2, perPage: 10 }) { items { creditCode } } }',
      {},
      admin,
    );
    const codes = [...first.targets.items, ...second.targets.items].map(
      (x: { creditCode: string }) => x.creditCode,
    );
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(20);
    expect(
      errorCode(await t.gql('{ targets(page: { page: 1, perPage: 100000 }) { total } }', {}, admin)),
    ).toBe('BAD_USER_INPUT');
  });

  it('updates a target and keeps the credit code unique', async () => {
    const { id } = (
      await t.ok(
        CREATE,
        { i: input({ name: '待更新公司', creditCode: completeCreditCode('91410481MA9XYW555') }) },
        admin,
      )
    ).createTarget;
    const updated = await t.ok(
      'mutation($id: ID!) { updateTarget(id: $id, input: { riskClass: D, status: SUSPENDED }) { riskClass status name } }',
      { id },
      admin,
    );
    expect(updated.updateTarget).toEqual({ riskClass: 'D', status: 'SUSPENDED', name: '待更新公司' });
    const clash = await t.gql(
      'mutation($id: ID!, $c: String!) { updateTarget(id: $id, input: { creditCode: $c }) { id } }',
      { id, c: completeCreditCode('91410481MA9XYW123') },
      admin,
    );
    expect(errorCode(clash)).toBe('CONFLICT');
  });

  it('keeps a deleted target out of lists and refuses its code with a hint to restore it', async () => {
    const code = completeCreditCode('91410481MA9XYW777');
    const { id } = (await t.ok(CREATE, { i: input({ name: '将注销公司', creditCode: code }) }, admin))
      .createTarget;
    await t.ok('mutation($id: ID!) { deleteTarget(id: $id) { id } }', { id }, admin);
    expect(
      (await t.ok('query($q: String!) { targets(filter: { q: $q }) { total } }', { q: code }, admin)).targets
        .total,
    ).toBe(0);
    const again = await t.gql(CREATE, { i: input({ name: '将注销公司', creditCode: code }) }, admin);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toMatch(/deleted target/);
  });

  it("totals a long list from the registry's summary, as many as the rows its filter selects", async () => {
    const LIST = `query($f: TargetFilter, $p: PageInput) { targets(filter: $f, page: $p) { total items { id } } }`;
    const rows = async (f: Record<string, unknown>) => {
      // Every row, a page of 500 at a time (the last page, shorter than asked, counts itself).
      let n = 0;
      for (let page = 1; ; page++) {
        const got = (await t.ok(LIST, { f, p: { page, perPage: 500 } }, admin)).targets.items
          .length as number;
        n += got;
        if (got < 500) return n;
      }
    };
    const before = await total();
    for (const f of [
      {},
      { kind: 'ENTERPRISE' },
      { riskClass: 'B', region: '八台镇' },
      { status: 'ACTIVE', targetType: '企业' },
    ]) {
      const { result, statements } = await countStatements(t.app.orm, () =>
        t.ok(LIST, { f, p: { page: 1, perPage: 1 } }, admin),
      );
      expect(result.targets.total, JSON.stringify(f)).toBe(await rows(f));
      expect(statements.some((sql) => /^select sum\(c\.n\) as n from target_cube /.test(sql))).toBe(true);
    }
    // Kept exact as targets come and go (the triggers on the registry).
    const { id } = (
      await t.ok(
        CREATE,
        { i: input({ name: '计数测试公司', creditCode: completeCreditCode('91410481MA9XYW321') }) },
        admin,
      )
    ).createTarget;
    expect(await total()).toBe(before + 1);
    await t.ok('mutation($id: ID!) { deleteTarget(id: $id) { id } }', { id }, admin);
    expect(await total()).toBe(before);
    // A tag is counted row by row.
    const { statements } = await countStatements(t.app.orm, () =>
      t.ok(LIST, { f: { tag: '投诉举报' }, p: { page: 1, perPage: 1 } }, admin),
    );
    expect(statements.some((sql) => /^select count\(/.test(sql))).toBe(true);
  });
});
