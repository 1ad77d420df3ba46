import { completeCreditCode } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../test/harness.js';

const SEARCH =
  'query($f: TargetFilter) { targets(filter: $f, page: { page: 1, perPage: 500 }) { total items { name } } }';

describe('searches and filters', () => {
  let t: TestApp;
  let admin: string;
  const names = async (filter: Record<string, unknown>) =>
    ((await t.ok(SEARCH, { f: filter }, admin)).targets.items as { name: string }[])
      .map((i) => i.name)
      .sort();

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    const targets = [
      ['舞钢市50%股份有限公司', ['占股50%']],
      ['舞钢市500工程有限公司', ['占股500']],
      ['舞钢市A_B商贸有限公司', ['A_B']],
      ['舞钢市AXB商贸有限公司', ['AXB']],
      ['舞钢市反斜杠\\商贸有限公司', []],
    ] as const;
    for (const [i, [name, tags]] of targets.entries())
      await t.ok(
        'mutation($i: TargetInput!) { createTarget(input: $i) { id } }',
        {
          i: {
            name,
            creditCode: completeCreditCode(`91410481MA9XQ7W0${i}`),
            kind: 'ENTERPRISE',
            region: '八台镇',
            riskClass: 'C',
            tags,
            targetTypes: ['企业'],
          },
        },
        admin,
      );
  });
  afterAll(() => t.close());

  it('match % and _ literally, in the search and in list filters', async () => {
    expect(await names({ q: '50%' })).toEqual(['舞钢市50%股份有限公司']);
    expect(await names({ q: 'A_B' })).toEqual(['舞钢市A_B商贸有限公司']);
    expect(await names({ q: '\\' })).toEqual(['舞钢市反斜杠\\商贸有限公司']);
    expect(await names({ q: '%' })).toEqual(['舞钢市50%股份有限公司']);
    expect(await names({ tag: '占股50%' })).toEqual(['舞钢市50%股份有限公司']);
    expect(await names({ tag: 'A_B' })).toEqual(['舞钢市A_B商贸有限公司']);
    expect(await names({ tag: '%' })).toEqual([]);
    // Still case-insensitive.
    expect(await names({ q: 'a_b' })).toEqual(['舞钢市A_B商贸有限公司']);
  });

  it('find a target by any part of its name or credit code, of one character or many, as it is now', async () => {
    expect(await names({ q: '股份' })).toEqual(['舞钢市50%股份有限公司']);
    expect(await names({ q: '50%股份有' })).toEqual(['舞钢市50%股份有限公司']);
    expect(await names({ q: 'B商贸有' })).toEqual(['舞钢市AXB商贸有限公司', '舞钢市A_B商贸有限公司']);
    expect(await names({ q: 'axb商贸' })).toEqual(['舞钢市AXB商贸有限公司']);
    expect(await names({ q: '"引号"' })).toEqual([]);
    const code = completeCreditCode('91410481MA9XQ7W03');
    expect(await names({ q: code.slice(13) })).toEqual(['舞钢市AXB商贸有限公司']);
    expect(await names({ q: code.toLowerCase() })).toEqual(['舞钢市AXB商贸有限公司']);
    // A rename and a deletion are searched as they stand (the index follows every write).
    const { id } = (
      await t.ok(SEARCH.replace('items { name }', 'items { id name }'), { f: { q: '500工程' } }, admin)
    ).targets.items[0] as { id: string };
    await t.ok(
      'mutation($id: ID!) { updateTarget(id: $id, input: { name: "舞钢市新名字测绘有限公司" }) { id } }',
      { id },
      admin,
    );
    expect(await names({ q: '500工程' })).toEqual([]);
    expect(await names({ q: '新名字测绘' })).toEqual(['舞钢市新名字测绘有限公司']);
    await t.ok('mutation($id: ID!) { deleteTarget(id: $id) { id } }', { id }, admin);
    expect(await names({ q: '新名字测绘' })).toEqual([]);
    await t.app.orm.em.getConnection().execute(`delete from target where id = ?`, [id]);
    expect(await names({ q: '新名字测绘' })).toEqual([]);
    expect(await names({ q: 'B商贸有' })).toHaveLength(2);
  });

  it('refuse a NUL character with a clear error, in searches, filters and every other input', async () => {
    for (const [query, variables] of [
      [SEARCH, { f: { q: 'a\u0000b' } }],
      [SEARCH, { f: { region: '八台镇\u0000' } }],
      ['query($q: String!) { items(filter: { q: $q }) { total } }', { q: '\u0000' }],
      ['query { departments(filter: { q: "a\\u0000" }) { total } }', {}],
      [
        'mutation($id: ID!, $n: String!) { updateTarget(id: $id, input: { name: $n }) { id } }',
        { id: '00000000-0000-0000-0000-000000000000', n: '名称\u0000' },
      ],
    ] as const) {
      const result = await t.gql(query, variables, admin);
      expect(errorCode(result), query).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/NUL character/);
    }
    const zh = await t.app.execute(
      { query: SEARCH, variables: { f: { q: '\u0000' } } },
      `Bearer ${admin}`,
      'zh-CN',
    );
    expect(zh.errors?.[0]?.message).toMatch(/空字符/);
  });
});
