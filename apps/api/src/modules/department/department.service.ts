import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { text } from '@suiji/domain';
import { selectRows } from '../../db/sql.js';
import { BadInputError, ConflictError, NotFoundError, NOUNS } from '../../graphql/errors.js';
import { listEntities, type PageInput, type SortInput } from '../../graphql/list.js';
import { Inspector } from '../inspector/inspector.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import { User } from '../user/user.entity.js';
import { Department } from './department.entity.js';
import type { DepartmentFilter, DepartmentInput, DepartmentUpdateInput } from './department.input.js';

/** The department tree (部门 → 股室/所), as one request reads it. */
export class DepartmentTree {
  private readonly children = new Map<string, string[]>();

  constructor(private readonly parentOf: ReadonlyMap<string, string | null>) {
    for (const [id, parent] of parentOf) {
      if (!parent) continue;
      const siblings = this.children.get(parent);
      if (siblings) siblings.push(id);
      else this.children.set(parent, [id]);
    }
  }

  /** The top-level department a department belongs to (itself when top-level or unknown). */
  rootOf(departmentId: string): string {
    let root = departmentId;
    for (let parent = this.parentOf.get(root); parent; parent = this.parentOf.get(root)) root = parent;
    return root;
  }

  /** The top-level department of `departmentId`, first, and every unit under it. */
  scopeOf(departmentId: string): string[] {
    const scope = [this.rootOf(departmentId)];
    for (let i = 0; i < scope.length; i++) scope.push(...(this.children.get(scope[i] ?? '') ?? []));
    return scope;
  }
}

/**
 * The tree read once per entity manager — per request, and per mutation's transaction — however many rows
 * ask (a list of tasks, a task's items). A write to the departments makes every tree read before it stale.
 */
const trees = new WeakMap<EntityManager, { generation: number; tree: Promise<DepartmentTree> }>();
let generation = 0;

export function departmentTree(em: EntityManager): Promise<DepartmentTree> {
  const cached = trees.get(em);
  if (cached?.generation === generation) return cached.tree;
  // Plain rows: partial entities in the identity map would stand for whole departments elsewhere.
  const tree = selectRows<{ id: string; parent_id: string | null }>(
    em,
    'select id, parent_id from department where deleted_at is null',
  ).then((all) => new DepartmentTree(new Map(all.map((d) => [d.id, d.parent_id]))));
  trees.set(em, { generation, tree });
  // A failed read is not kept: the next caller reads again.
  tree.catch(() => trees.delete(em));
  return tree;
}

/** Called by every write to the departments: trees read before it no longer hold. */
function treesChanged(): void {
  generation++;
}

/**
 * The scope of a member of `departmentId`: the top-level department it belongs to and every unit
 * under it.
 */
export async function departmentScope(em: EntityManager, departmentId: string): Promise<string[]> {
  return (await departmentTree(em)).scopeOf(departmentId);
}

export async function findDepartment(em: EntityManager, id: string): Promise<Department> {
  const department = await em.findOne(Department, { id, deletedAt: null });
  if (!department) throw new NotFoundError(NOUNS.department, id);
  return department;
}

export async function listDepartments(
  em: EntityManager,
  filter: DepartmentFilter = {},
  sort?: SortInput,
  page?: PageInput,
) {
  const where: FilterQuery<Department> = {};
  if (filter.kind) where.kind = filter.kind;
  if (filter.parentId) where.parent = filter.parentId;
  return listEntities(em, Department, {
    where,
    q: filter.q,
    ids: filter.ids,
    searchFields: ['name', 'code'],
    sortable: ['code', 'name', 'kind', 'createdAt', 'updatedAt'],
    sort,
    page,
  });
}

async function assertCodeFree(em: EntityManager, code: string, exceptId?: string): Promise<void> {
  const other = await em.findOne(Department, { code, id: { $ne: exceptId ?? '' } });
  if (other)
    throw new ConflictError(
      text(
        `Department code "${code}" is already used by "${other.name}"${other.deletedAt ? ' (deleted)' : ''}: choose another code.`,
        `部门编码“${code}”已被“${other.name}”${other.deletedAt ? '（已删除）' : ''}使用：请换一个编码。`,
      ),
      'code',
    );
}

async function resolveParent(
  em: EntityManager,
  kind: Department['kind'],
  parentId: string | null | undefined,
  selfId?: string,
): Promise<Department | null> {
  if (kind === 'DEPARTMENT') {
    if (parentId)
      throw new BadInputError(
        text(
          'A department has no parent: clear the parent, or make this a 股室 or 所.',
          '部门没有上级：请清空上级部门，或将其设为股室或所。',
        ),
        'parentId',
      );
    return null;
  }
  if (!parentId)
    throw new BadInputError(
      text(
        'A 股室 or 所 belongs to a department: choose its parent.',
        '股室或所须隶属于一个部门：请选择上级部门。',
      ),
      'parentId',
    );
  const parent = await em.findOne(Department, { id: parentId, deletedAt: null });
  if (!parent)
    throw new BadInputError(
      text(
        `Parent department ${parentId} does not exist or has been deleted.`,
        `上级部门 ${parentId} 不存在或已删除。`,
      ),
      'parentId',
    );
  for (
    let p: Department | null = parent;
    p;
    p = p.parent ? await em.findOne(Department, p.parent.id) : null
  ) {
    if (p.id === selfId)
      throw new BadInputError(
        text(
          'A department cannot be placed under itself or its own unit.',
          '部门不能隶属于自身或其下级单位。',
        ),
        'parentId',
      );
  }
  return parent;
}

export async function createDepartment(em: EntityManager, input: DepartmentInput): Promise<Department> {
  const code = input.code.trim();
  await assertCodeFree(em, code);
  const department = em.create(Department, {
    name: input.name.trim(),
    code,
    kind: input.kind,
    parent: await resolveParent(em, input.kind, input.parentId),
  });
  await em.flush();
  treesChanged();
  return department;
}

export async function updateDepartment(
  em: EntityManager,
  id: string,
  input: DepartmentUpdateInput,
): Promise<Department> {
  const department = await findDepartment(em, id);
  if (input.code !== undefined && input.code.trim() !== department.code)
    await assertCodeFree(em, input.code.trim(), id);
  const kind = input.kind ?? department.kind;
  const parentId = input.parentId !== undefined ? input.parentId : department.parent?.id;
  department.parent = await resolveParent(em, kind, parentId, id);
  department.kind = kind;
  if (input.name !== undefined) department.name = input.name.trim();
  if (input.code !== undefined) department.code = input.code.trim();
  await em.flush();
  treesChanged();
  return department;
}

export async function deleteDepartment(em: EntityManager, id: string): Promise<Department> {
  const department = await findDepartment(em, id);
  const [units, users, inspectors, items] = await Promise.all([
    em.count(Department, { parent: id, deletedAt: null }),
    em.count(User, { department: id, deletedAt: null }),
    em.count(Inspector, { department: id, deletedAt: null }),
    em.count(InspectionItem, { department: id, deletedAt: null }),
  ]);
  if (units + users + inspectors + items > 0)
    throw new ConflictError(
      text(
        `"${department.name}" still has ${units} units, ${users} users, ${inspectors} inspectors and ${items} items: move or delete them first.`,
        `“${department.name}”下仍有 ${units} 个下级单位、${users} 个用户、${inspectors} 名执法检查人员和 ${items} 个抽查事项：请先移走或删除。`,
      ),
    );
  department.deletedAt = new Date();
  await em.flush();
  treesChanged();
  return department;
}
