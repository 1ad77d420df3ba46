import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const CREATE =
  'mutation($i: InspectorInput!) { createInspector(input: $i) { id certificateValid expertise } }';

describe('inspectors and conflicts', () => {
  let t: TestApp;
  let admin: string;
  let unit: string;
  const input = (over: Record<string, unknown> = {}) => ({
    name: '周测试',
    departmentId: unit,
    certificateNumber: 'HN-ZR-TEST-1',
    certificateValidFrom: '2024-01-01',
    certificateValidUntil: '2030-12-31',
    expertise: ['测绘'],
    ...over,
  });
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    unit = (await t.ok('{ departments(filter: { q: "WG-ZRZY-CH" }) { items { id } } }')).departments.items[0]
      .id;
  });
  afterAll(() => t.close());

  it('has about 30 demo inspectors, a few with expired certificates', async () => {
    expect((await t.ok('{ inspectors { total } }', {}, admin)).inspectors.total).toBe(30);
    const expired = (await t.ok('{ inspectors(filter: { certificateValid: false }) { total } }', {}, admin))
      .inspectors.total;
    expect(expired).toBeGreaterThanOrEqual(2);
    expect(expired).toBeLessThan(6);
  });

  it('creates an inspector and refuses dates that are not dates or end before they start', async () => {
    expect((await t.ok(CREATE, { i: input() }, admin)).createInspector).toMatchObject({
      certificateValid: true,
      expertise: ['测绘'],
    });
    const notDate = await t.gql(
      CREATE,
      { i: input({ certificateNumber: 'X2', certificateValidUntil: '2030-02-30' }) },
      admin,
    );
    expect(errorCode(notDate)).toBe('BAD_USER_INPUT');
    expect(notDate.errors?.[0]?.extensions?.field).toBe('certificateValidUntil');
    const backwards = await t.gql(
      CREATE,
      {
        i: input({
          certificateNumber: 'X3',
          certificateValidFrom: '2030-01-01',
          certificateValidUntil: '2029-01-01',
        }),
      },
      admin,
    );
    expect(backwards.errors?.[0]?.message).toMatch(/expires before it starts/);
    expect(errorCode(await t.gql(CREATE, { i: input() }, admin))).toBe('CONFLICT');
  });

  it('lets an inspector see only their own entry, and a coordinator only their department', async () => {
    const own = await t.ok('{ inspectors { total items { name userId } } }', {}, await t.login('inspector'));
    expect(own.inspectors.items).toEqual([{ name: '张建华', userId: expect.any(String) }]);
    const market = await t.ok(
      '{ inspectors { total items { department { code } } } }',
      {},
      await t.login('coordinator2'),
    );
    expect(market.inspectors.total).toBe(8);
    expect(
      new Set(market.inspectors.items.map((i: { department: { code: string } }) => i.department.code)),
    ).toEqual(new Set(['WG-SCJG-XY']));
  });

  it('records a conflict once per pair; a coordinator may record one only for their department', async () => {
    const inspector = (await t.ok(CREATE, { i: input({ certificateNumber: 'HN-ZR-TEST-9' }) }, admin))
      .createInspector.id;
    const target = (await t.ok('{ targets(page: { page: 1, perPage: 1 }) { items { id } } }', {}, admin))
      .targets.items[0].id;
    const create =
      'mutation($i: ConflictInput!) { createConflict(input: $i) { id reason inspector { name } target { id } } }';
    const vars = { i: { inspectorId: inspector, targetId: target, reason: '配偶在该单位任职' } };
    expect((await t.ok(create, vars, await t.login('coordinator'))).createConflict).toMatchObject({
      inspector: { name: '周测试' },
      target: { id: target },
    });
    expect(errorCode(await t.gql(create, vars, admin))).toBe('CONFLICT');
    expect(errorCode(await t.gql(create, vars, await t.login('coordinator2')))).toBe('FORBIDDEN');
    const unknown = await t.gql(create, { i: { ...vars.i, targetId: 'nope' } }, admin);
    expect(unknown.errors?.[0]?.extensions?.field).toBe('targetId');
  });
});
