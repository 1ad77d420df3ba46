import { completeCreditCode } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

describe('the trail (全程留痕)', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    adminId = (await t.ok('{ me { id } }', {}, admin)).me.id;
  });
  afterAll(() => t.close());

  const latest = async (n = 5) =>
    (
      await t.ok(
        `{ trail(page: { page: 1, perPage: ${n} }) { total items { seq actorId action entity entityId before after } } }`,
        {},
        admin,
      )
    ).trail;
  const sql = (query: string, params: unknown[] = []) => t.app.orm.em.getConnection().execute(query, params);

  it('records who changed what, with before and after, in the same transaction', async () => {
    const before = (await latest()).total;
    const created = await t.ok(
      'mutation { createDepartment(input: { name: "留痕测试股", code: "TRAIL-1", kind: DEPARTMENT }) { id } }',
      {},
      admin,
    );
    const id = created.createDepartment.id;
    await t.ok(
      'mutation($id: ID!) { updateDepartment(id: $id, input: { name: "留痕测试股（改）" }) { id } }',
      { id },
      admin,
    );
    const trail = await latest(2);
    expect(trail.total).toBe(before + 2);
    const [update, create] = trail.items;
    expect(create).toMatchObject({
      actorId: adminId,
      action: 'create',
      entity: 'Department',
      entityId: id,
      before: null,
    });
    expect(JSON.parse(create.after)).toMatchObject({ name: '留痕测试股', code: 'TRAIL-1' });
    expect(update).toMatchObject({ action: 'update', entityId: id });
    expect(JSON.parse(update.before)).toMatchObject({ name: '留痕测试股' });
    expect(JSON.parse(update.after)).toMatchObject({ name: '留痕测试股（改）' });
  });

  it('records a soft delete as a delete of the whole record, and lists as JSON arrays', async () => {
    const created = (
      await t.ok(
        'mutation($i: TargetInput!) { createTarget(input: $i) { id } }',
        {
          i: {
            name: '舞钢市留痕测试有限公司',
            creditCode: completeCreditCode('91410481MA9TRL001'),
            kind: 'ENTERPRISE',
            region: '八台镇',
            riskClass: 'C',
            tags: ['投诉举报', '新设立'],
            targetTypes: ['企业'],
          },
        },
        admin,
      )
    ).createTarget;
    const id = created.id as string;
    await t.ok(
      'mutation($id: ID!) { updateTarget(id: $id, input: { tags: ["新设立"] }) { id } }',
      { id },
      admin,
    );
    await t.ok('mutation($id: ID!) { deleteTarget(id: $id) { id } }', { id }, admin);
    const query = `query($id: ID!) { trail(filter: { entityId: $id }) { items { action before after } } }`;
    const [deleted, updated, create] = (await t.ok(query, { id }, admin)).trail.items;

    expect(JSON.parse(create.after)).toMatchObject({ tags: ['投诉举报', '新设立'], targetTypes: ['企业'] });
    expect(JSON.parse(updated.before)).toMatchObject({ tags: ['投诉举报', '新设立'] });
    expect(JSON.parse(updated.after)).toMatchObject({ tags: ['新设立'] });
    expect(deleted.action).toBe('delete');
    // What was deleted, whole, as a hard delete shows it; after it, when.
    expect(JSON.parse(deleted.before)).toMatchObject({
      name: '舞钢市留痕测试有限公司',
      tags: ['新设立'],
      targetTypes: ['企业'],
      deletedAt: null,
    });
    expect(Date.parse(JSON.parse(deleted.after).deletedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await t.ok('{ verifyTrail { ok } }', {}, admin)).verifyTrail.ok).toBe(true);
  });

  it('is filtered by record, action, person and time', async () => {
    const start = new Date(Date.now() - 1000).toISOString();
    const id = (
      await t.ok(
        'mutation { createDepartment(input: { name: "筛选测试股", code: "TRAIL-F", kind: DEPARTMENT }) { id } }',
        {},
        admin,
      )
    ).createDepartment.id;
    await t.ok(
      'mutation($id: ID!) { updateDepartment(id: $id, input: { name: "筛选测试股（改）" }) { id } }',
      { id },
      admin,
    );
    const query = `query($f: TrailFilter) { trail(filter: $f) { total items { action entityId } } }`;
    const of = async (f: Record<string, unknown>) => (await t.ok(query, { f }, admin)).trail;
    expect((await of({ entity: 'Department', entityId: id })).total).toBe(2);
    expect((await of({ entityId: id, action: 'update' })).items).toEqual([
      { action: 'update', entityId: id },
    ]);
    expect((await of({ entityId: id, actorId: adminId, from: start })).total).toBe(2);
    expect((await of({ entityId: id, to: start })).total).toBe(0);
  });

  it('writes nothing for a mutation that fails, and masks secrets', async () => {
    const before = (await latest()).total;
    expect(
      errorCode(
        await t.gql(
          'mutation { createDepartment(input: { name: "重复", code: "TRAIL-1", kind: DEPARTMENT }) { id } }',
          {},
          admin,
        ),
      ),
    ).toBe('CONFLICT');
    expect((await latest()).total).toBe(before);
    const unit = (await t.ok('{ departments(filter: { q: "WG-ZRZY-GH" }) { items { id } } }')).departments
      .items[0].id;
    await t.ok(
      'mutation($d: ID!) { createUser(input: { username: "trail.user", displayName: "x", password: "secret-password", role: INSPECTOR, departmentId: $d }) { id } }',
      { d: unit },
      admin,
    );
    const [entry] = (await latest(1)).items;
    expect(entry.entity).toBe('User');
    expect(entry.after).toContain('"passwordHash":"[hidden]"');
    expect(entry.after).not.toContain('scrypt');
  });

  it('records no sign-in bookkeeping: guessed passwords, sessions and sign-outs add nothing', async () => {
    const before = (await latest()).total;
    await t.gql('mutation { login(username: "admin", password: "wrong-password") { token } }');
    await t.gql('mutation { login(username: "nobody", password: "wrong-password") { token } }');
    const token = await t.login('manager');
    await t.ok('mutation { logout }', {}, token);
    expect((await latest()).total).toBe(before);
  });

  it('verifies the chain, and names the first entry changed or removed behind its back', async () => {
    expect((await t.ok('{ verifyTrail { ok checked brokenSeq } }', {}, admin)).verifyTrail).toMatchObject({
      ok: true,
      brokenSeq: null,
    });
    const { items } = await latest(50);
    const target = items[items.length - 2].seq as number;
    await sql("update trail_entry set after = replace(after, '留痕测试股', '篡改') where seq = ?", [target]);
    const changed = (
      await t.ok('{ verifyTrail { ok checked brokenSeq problem } }', {}, await t.login('manager'))
    ).verifyTrail;
    expect(changed).toMatchObject({ ok: false, brokenSeq: target, checked: target - 1 });
    expect(changed.problem).toMatch(/does not match its hash/);
    await sql("update trail_entry set after = replace(after, '篡改', '留痕测试股') where seq = ?", [target]);
    expect((await t.ok('{ verifyTrail { ok } }', {}, admin)).verifyTrail.ok).toBe(true);
    await sql('delete from trail_entry where seq = ?', [target]);
    expect((await t.ok('{ verifyTrail { ok brokenSeq problem } }', {}, admin)).verifyTrail).toMatchObject({
      ok: false,
      brokenSeq: target + 1,
      problem: `entry ${target} is missing`,
    });
  });

  it('names an entry slipped in before the first', async () => {
    const [first] = (await sql('select * from trail_entry where seq = 1')) as Record<string, unknown>[];
    await sql(
      'insert into trail_entry (seq, at, actor_id, action, entity, entity_id, before, after, prev_hash, hash) values (0, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ['at', 'actor_id', 'action', 'entity', 'entity_id', 'before', 'after', 'prev_hash', 'hash'].map(
        (c) => first![c],
      ),
    );
    expect((await t.ok('{ verifyTrail { ok brokenSeq problem } }', {}, admin)).verifyTrail).toMatchObject({
      ok: false,
      brokenSeq: 0,
      problem: 'entry 1 is missing',
    });
    await sql('delete from trail_entry where seq = 0');
  });
});
