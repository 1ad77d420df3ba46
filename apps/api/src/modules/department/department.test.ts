import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const CREATE =
  'mutation($i: DepartmentInput!) { createDepartment(input: $i) { id code kind parentId parent { name } } }';

describe('departments', () => {
  let t: TestApp;
  let admin: string;
  let bureau: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    bureau = (
      await t.ok('{ departments(filter: { q: "舞钢市自然资源和规划局" }) { items { id code } } }')
    ).departments.items.find((d: { code: string }) => d.code === 'WG-ZRZY').id;
  });
  afterAll(() => t.close());

  it('lists the bureau’s sub-units and the second department for joint work', async () => {
    const units = await t.ok(
      'query($p: ID!) { departments(filter: { parentId: $p }) { total items { kind } } }',
      { p: bureau },
    );
    expect(units.departments.total).toBe(7);
    expect((await t.ok('{ departments(filter: { q: "市场监督管理局" }) { total } }')).departments.total).toBe(
      1,
    );
  });

  it('creates a sub-unit under a department and refuses one without a parent', async () => {
    const created = (
      await t.ok(
        CREATE,
        { i: { name: '耕地保护股', code: 'WG-ZRZY-GDBH', kind: 'SECTION', parentId: bureau } },
        admin,
      )
    ).createDepartment;
    expect(created).toMatchObject({
      kind: 'SECTION',
      parentId: bureau,
      parent: { name: '舞钢市自然资源和规划局' },
    });
    const orphan = await t.gql(CREATE, { i: { name: '孤儿股', code: 'ORPHAN', kind: 'SECTION' } }, admin);
    expect(errorCode(orphan)).toBe('BAD_USER_INPUT');
    expect(orphan.errors?.[0]?.message).toMatch(/choose its parent/);
  });

  it('refuses a duplicate code, a code with spaces, and placing a department under its own unit', async () => {
    expect(
      errorCode(await t.gql(CREATE, { i: { name: '重复', code: 'WG-ZRZY', kind: 'DEPARTMENT' } }, admin)),
    ).toBe('CONFLICT');
    const spaced = await t.gql(CREATE, { i: { name: '空格', code: 'A B', kind: 'DEPARTMENT' } }, admin);
    expect(errorCode(spaced)).toBe('BAD_USER_INPUT');
    expect(spaced.errors?.[0]?.message).toMatch(/code may only hold letters/);
    const unit = (
      await t.ok(CREATE, { i: { name: '下级', code: 'LOOP-1', kind: 'SECTION', parentId: bureau } }, admin)
    ).createDepartment;
    const loop = await t.gql(
      'mutation($id: ID!, $p: ID!) { updateDepartment(id: $id, input: { kind: SECTION, parentId: $p }) { id } }',
      { id: bureau, p: unit.id },
      admin,
    );
    expect(errorCode(loop)).toBe('BAD_USER_INPUT');
    expect(loop.errors?.[0]?.message).toMatch(/under itself/);
  });

  it('refuses to delete a department that still has people, and deletes an empty one', async () => {
    const refused = await t.gql(
      'mutation($id: ID!) { deleteDepartment(id: $id) { id } }',
      { id: bureau },
      admin,
    );
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/move or delete them first/);
    const empty = (
      await t.ok(CREATE, { i: { name: '临时股', code: 'TEMP', kind: 'SECTION', parentId: bureau } }, admin)
    ).createDepartment;
    await t.ok('mutation($id: ID!) { deleteDepartment(id: $id) { id } }', { id: empty.id }, admin);
    expect(
      (await t.ok('query($id: ID!) { department(id: $id) { id } }', { id: empty.id })).department,
    ).toBeNull();
  });
});
