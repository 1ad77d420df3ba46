/**
 * Rows read for a list hold what the entities hold: every stored property with the same JavaScript value,
 * the entity class's getters answering the same, joined relations as rows of their own and the others by
 * key — on SQLite and PostgreSQL.
 */
import { ReferenceKind, type EntityClass, type EntityManager } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { Inspection } from '../modules/inspection/inspection.entity.js';
import { ItemResult } from '../modules/inspection/item-result.entity.js';
import { Target } from '../modules/target/target.entity.js';
import { Task } from '../modules/task/task.entity.js';
import { isRowReference, readRows, RowReference } from './rows.js';

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The stored scalar properties of an entity, by the ORM's metadata. */
function scalars(em: EntityManager, entity: EntityClass<object>): string[] {
  return em
    .getMetadata()
    .get(entity.name)
    .props.filter((p) => p.kind === ReferenceKind.SCALAR && p.persist !== false)
    .map((p) => p.name);
}

function expectSameScalars(em: EntityManager, entity: EntityClass<object>, row: object, found: object) {
  const r = row as Record<string, unknown>;
  const f = found as Record<string, unknown>;
  for (const name of scalars(em, entity)) expect(r[name], `${entity.name}.${name}`).toEqual(f[name]);
}

describe('rows read for a list', () => {
  let t: TestApp;
  let drawId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const coordinator = await t.login('coordinator');
    drawId = await t.drawLandTask(coordinator, '读行测试任务');
    // One result entered, so that item results exist.
    const { inspections } = await t.ok(
      'query($d: ID!) { inspections(filter: { drawId: $d }, page: { page: 1, perPage: 1 }) { items { id itemIds teamIds } } }',
      { d: drawId },
      coordinator,
    );
    await t.enterNoProblem(inspections.items[0], TODAY);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => t?.close());

  it('holds what the entities hold, with their getters, joined relations and the others by key', async () => {
    const em = t.app.orm.em.fork();
    const where = { draw: drawId };
    const orderBy = { createdAt: 'ASC', id: 'ASC' } as const;
    const rows = await readRows(em, Inspection, { where, orderBy, limit: 50, joined: ['target', 'task'] });
    const found = await em.find(Inspection, where, { orderBy, limit: 50, populate: ['target', 'task'] });
    expect(rows.map((r) => r.id)).toEqual(found.map((f) => f.id));
    expect(rows.length).toBeGreaterThan(1);
    for (const [i, row] of rows.entries()) {
      const entity = found[i]!;
      expectSameScalars(em, Inspection, row, entity);
      expect([row.drawId, row.taskId, row.targetId]).toEqual([entity.drawId, entity.taskId, entity.targetId]);
      expect(isRowReference(row.draw)).toBe(true);
      expect(row.draw.id).toBe(entity.draw.id);
      // Joined: rows of their own, with their getters.
      expect(isRowReference(row.target)).toBe(false);
      expectSameScalars(em, Target, row.target, entity.target);
      expectSameScalars(em, Task, row.task, entity.task);
      expect(row.task.departmentIds).toEqual(entity.task.departmentIds);
      expect(row.task.department).toBeInstanceOf(RowReference);
      // A row is no entity: nothing of it is managed.
      expect('__entity' in row).toBe(false);
    }

    const results = await readRows(em, ItemResult, {
      where: { inspection: { $in: rows.map((r) => r.id) } },
      orderBy,
      joined: ['category', 'item'],
    });
    const resultEntities = await em.find(
      ItemResult,
      { inspection: { $in: rows.map((r) => r.id) } },
      { orderBy, populate: ['category', 'item'] },
    );
    expect(results.length).toBeGreaterThan(0);
    expect(results.map((r) => r.id)).toEqual(resultEntities.map((r) => r.id));
    for (const [i, row] of results.entries()) {
      const entity = resultEntities[i]!;
      expectSameScalars(em, ItemResult, row, entity);
      expect([row.inspectionId, row.itemId, row.categoryCode]).toEqual([
        entity.inspectionId,
        entity.itemId,
        entity.categoryCode,
      ]);
      // The category's key is its code: its getters read it so on a row too.
      expect(row.category.id).toBe(entity.category.id);
      expect(row.category.nameZh).toBe(entity.category.nameZh);
      expect(row.item.name).toBe(entity.item.name);
    }
  });

  it('refuses to join what is not a many-to-one relation', async () => {
    const em = t.app.orm.em.fork();
    await expect(
      readRows(em, Task, { where: {}, orderBy: { id: 'ASC' }, limit: 1, joined: ['items'] }),
    ).rejects.toThrow(/not a many-to-one/);
  });
});
