import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const CREATE =
  'mutation($i: ItemInput!) { createItem(input: $i) { id name year minRatioBp seq department { name } } }';
const COUNT = '{ items(page: { page: 1, perPage: 1 }) { total } }';

describe('inspection items', () => {
  let t: TestApp;
  let admin: string;
  let bureau: string;
  const input = (over: Record<string, unknown> = {}) => ({
    year: 2026,
    departmentId: bureau,
    name: '地质灾害防治单位资质检查',
    legalBasis: '《地质灾害防治条例》',
    inspectingBody: '舞钢市自然资源和规划局',
    category: 'KEY',
    targetType: '企业',
    minRatioBp: 500,
    timesPerYear: 2,
    methods: ['ON_SITE', 'DOCUMENT'],
    ...over,
  });
  const total = async () => (await t.ok(COUNT, {}, admin)).items.total as number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    bureau = (
      await t.ok(
        '{ departments(filter: { q: "WG-ZRZY" }, sort: { field: "code", order: ASC }) { items { id } } }',
        {},
        admin,
      )
    ).departments.items[0].id;
  });
  afterAll(() => t.close());

  it('holds the seed document’s four items for 2023, in order', async () => {
    const data = await t.ok(
      '{ items(filter: { year: 2023 }, sort: { field: "seq", order: ASC }) { items { seq name minRatioBp targetType methods } } }',
    );
    expect(data.items.items.map((i: { name: string }) => i.name)).toEqual([
      '建设工程规划许可证批后监管',
      '测绘资质单位检查',
      '土地使用情况监督检查',
      '矿山地质环境保护与土地复垦情况的监管',
    ]);
    expect(data.items.items[1]).toMatchObject({
      minRatioBp: 3000,
      targetType: '舞钢市行政区域内的测绘资质单位',
    });
  });

  it('creates an item with the next number in the list and finds it by search', async () => {
    const created = (await t.ok(CREATE, { i: input() }, admin)).createItem;
    expect(created).toMatchObject({
      year: 2026,
      minRatioBp: 500,
      seq: 5,
      department: { name: '舞钢市自然资源和规划局' },
    });
    const found = await t.ok('{ items(filter: { q: "地质灾害" }) { total items { id } } }');
    expect(found.items.items.map((i: { id: string }) => i.id)).toEqual([created.id]);
  });

  it('keeps higher ratios for riskier classes, never below the item’s minimum', async () => {
    const created = (
      await t.ok(
        'mutation($i: ItemInput!) { createItem(input: $i) { id riskRatios { riskClass ratioBp } } }',
        {
          i: input({
            name: '差异化比例事项',
            riskRatios: [
              { riskClass: 'D', ratioBp: 3000 },
              { riskClass: 'C', ratioBp: 1000 },
            ],
          }),
        },
        admin,
      )
    ).createItem;
    expect(created.riskRatios).toEqual([
      { riskClass: 'A', ratioBp: 500 },
      { riskClass: 'B', ratioBp: 500 },
      { riskClass: 'C', ratioBp: 1000 },
      { riskClass: 'D', ratioBp: 3000 },
    ]);
    const below = await t.gql(
      CREATE,
      { i: input({ name: '过低比例事项', riskRatios: [{ riskClass: 'A', ratioBp: 100 }] }) },
      admin,
    );
    expect(errorCode(below)).toBe('BAD_USER_INPUT');
    expect(below.errors?.[0]?.message).toMatch(/class A \(1%\) is below the item's minimum of 5%/);
    const raised = await t.gql(
      'mutation($id: ID!) { updateItem(id: $id, input: { minRatioBp: 2000 }) { id } }',
      { id: created.id },
      admin,
    );
    expect(raised.errors?.[0]?.message).toMatch(/class C \(10%\) is below the item's minimum of 20%/);
  });

  it('refuses a ratio below 0 or above 100% and says the range', async () => {
    const before = await total();
    for (const minRatioBp of [-1, 10_001]) {
      const result = await t.gql(CREATE, { i: input({ name: `比例 ${minRatioBp}`, minRatioBp }) }, admin);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/minRatioBp must be from 0 to 10000/);
      expect(result.errors?.[0]?.extensions?.field).toBe('minRatioBp');
    }
    expect(await total()).toBe(before);
  });

  it('refuses a year out of range', async () => {
    for (const year of [1999, 2101]) {
      const result = await t.gql(CREATE, { i: input({ name: `年度 ${year}`, year }) }, admin);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/year must be from 2000 to 2100/);
    }
  });

  it('refuses a 10 MB string without writing anything', async () => {
    const before = await total();
    const result = await t.gql(CREATE, { i: input({ name: 'x'.repeat(10 * 1024 * 1024) }) }, admin);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/name must be shorter than or equal to 200 characters/);
    expect(result.errors?.[0]?.message.length).toBeLessThan(500);
    expect(await total()).toBe(before);
  });

  it('refuses a second item of the same name in the same year and department', async () => {
    const result = await t.gql(CREATE, { i: input() }, admin);
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toMatch(/already has an item named/);
  });

  it('refuses an item without any inspection method, or of an unknown department', async () => {
    expect(errorCode(await t.gql(CREATE, { i: input({ name: '无方式', methods: [] }) }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    const unknown = await t.gql(
      CREATE,
      { i: input({ name: '无部门', departmentId: 'no-such-department' }) },
      admin,
    );
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.extensions?.field).toBe('departmentId');
  });

  it('updates, then soft-deletes an item so it leaves the list', async () => {
    const { id } = (await t.ok(CREATE, { i: input({ name: '待删除事项' }) }, admin)).createItem;
    const updated = await t.ok(
      'mutation($id: ID!) { updateItem(id: $id, input: { minRatioBp: 3000, remarks: "备注" }) { minRatioBp remarks } }',
      { id },
      admin,
    );
    expect(updated.updateItem).toEqual({ minRatioBp: 3000, remarks: '备注' });
    await t.ok('mutation($id: ID!) { deleteItem(id: $id) { id } }', { id }, admin);
    expect((await t.ok('query($id: ID!) { item(id: $id) { id } }', { id })).item).toBeNull();
    expect(errorCode(await t.gql('mutation($id: ID!) { deleteItem(id: $id) { id } }', { id }, admin))).toBe(
      'NOT_FOUND',
    );
  });

  it('rejects sorting by an unknown field', async () => {
    const result = await t.gql(
      '{ items(sort: { field: "legalBasis; drop table x", order: ASC }) { total } }',
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/sort by one of/);
  });
});
