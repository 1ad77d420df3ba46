/**
 * The role policy: who may do what to which records. One table, read by the API's auth checker and by
 * the dashboard's authProvider, so that a menu shows exactly what the API allows. Denied unless a rule
 * allows it.
 */
import type { Role } from './glossary.js';

/** What is acted upon. */
export const RESOURCES = [
  'departments',
  'items',
  'targets',
  'inspectors',
  'conflicts',
  'users',
  'plans',
  'tasks',
  'merges',
  'draws',
  'inspections',
  'trail',
  'publication',
  'categories',
  'account',
  'statistics',
] as const;
export type Resource = (typeof RESOURCES)[number];

/** What is done. `list`/`show`/`export` read; the others change. */
export const ACTIONS = [
  'list',
  'show',
  'create',
  'edit',
  'delete',
  'import',
  'export',
  'schedule',
  'run',
  'replace',
  'enter',
  'review',
  'close',
  'accept',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The signed-in person as the policy sees them. `departmentIds` is their scope: their own department
 * and every sub-unit under the department it belongs to (a 股室 member works for the whole bureau).
 */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly departmentIds: readonly string[];
}

/**
 * The fields of a record the policy looks at: its department (or, for a joint task, every department
 * taking part, and apart the cooperating ones), and the user or users it belongs to (an inspection belongs
 * to its team's members).
 */
export interface ScopedRecord {
  readonly departmentId?: string | null;
  readonly departmentIds?: readonly string[] | null;
  readonly cooperatingDepartmentIds?: readonly string[] | null;
  readonly userId?: string | null;
  readonly userIds?: readonly string[] | null;
}

/**
 * How far a permission reaches: every record, records of the actor's department scope (for a joint task
 * or plan, any department taking part), records the actor's department initiated (发起部门 of a joint
 * task or plan, not its cooperating ones), records the actor's department cooperates in (配合部门, not the
 * initiator), only records that belong to the actor, or none.
 */
export type Scope = 'all' | 'department' | 'initiating' | 'cooperating' | 'own' | 'none';

type Grant = Partial<Record<Role | 'PUBLIC', Scope>>;
type Rules = Record<Resource, Partial<Record<Action, Grant>>>;

const READ_ALL: Grant = { PUBLIC: 'all', ADMIN: 'all', COORDINATOR: 'all', INSPECTOR: 'all', MANAGER: 'all' };
const SIGNED_IN_READ: Grant = { ADMIN: 'all', COORDINATOR: 'all', INSPECTOR: 'all', MANAGER: 'all' };
const ADMIN_ONLY: Grant = { ADMIN: 'all' };
const STAFF_READ: Grant = { ADMIN: 'all', COORDINATOR: 'all', MANAGER: 'all' };
const SIGNED_IN: Grant = { ADMIN: 'own', COORDINATOR: 'own', INSPECTOR: 'own', MANAGER: 'own' };
const SCOPED_READ: Grant = { ADMIN: 'all', COORDINATOR: 'department', MANAGER: 'department' };

const RULES: Rules = {
  // The item list and the departments publishing it are public (一单两库 is published).
  departments: {
    list: READ_ALL,
    show: READ_ALL,
    export: READ_ALL,
    create: ADMIN_ONLY,
    edit: ADMIN_ONLY,
    delete: ADMIN_ONLY,
  },
  items: {
    list: READ_ALL,
    show: READ_ALL,
    export: READ_ALL,
    create: ADMIN_ONLY,
    edit: ADMIN_ONLY,
    delete: ADMIN_ONLY,
  },
  // Targets are shared across departments (any may inspect them) but hold personal data: staff only.
  targets: {
    list: STAFF_READ,
    show: STAFF_READ,
    export: STAFF_READ,
    create: ADMIN_ONLY,
    edit: ADMIN_ONLY,
    delete: ADMIN_ONLY,
    import: ADMIN_ONLY,
  },
  // Inspectors belong to a department; an inspector sees their own entry.
  inspectors: {
    list: { ...SCOPED_READ, INSPECTOR: 'own' },
    show: { ...SCOPED_READ, INSPECTOR: 'own' },
    export: SCOPED_READ,
    create: ADMIN_ONLY,
    edit: ADMIN_ONLY,
    delete: ADMIN_ONLY,
    import: ADMIN_ONLY,
  },
  // Conflicts (回避) are declared to the inspector's department, whose coordinator records them.
  conflicts: {
    list: SCOPED_READ,
    show: SCOPED_READ,
    export: SCOPED_READ,
    create: { ADMIN: 'all', COORDINATOR: 'department' },
    edit: { ADMIN: 'all', COORDINATOR: 'department' },
    delete: { ADMIN: 'all', COORDINATOR: 'department' },
  },
  // A yearly plan (年度抽查计划) belongs to its initiating department and, for a joint plan, to its
  // cooperating departments too: scoped exactly like the tasks that carry it out. Only the initiator
  // changes or deletes it; a cooperating department takes part, it does not decide for the others.
  plans: {
    list: SCOPED_READ,
    show: SCOPED_READ,
    create: { COORDINATOR: 'department' },
    edit: { COORDINATOR: 'initiating' },
    delete: { COORDINATOR: 'initiating' },
  },
  // Tasks and their draws belong to the departments taking part; coordinators run them, and each
  // cooperating department's coordinator accepts (or declines) a joint task before it can be drawn.
  // Inspectors see the tasks of their department, joint ones included. Only the initiating department
  // changes or deletes a task (a cooperating one declines it instead).
  tasks: {
    list: { ...SCOPED_READ, INSPECTOR: 'department' },
    show: { ...SCOPED_READ, INSPECTOR: 'department' },
    create: { COORDINATOR: 'department' },
    edit: { COORDINATOR: 'initiating' },
    delete: { COORDINATOR: 'initiating' },
    accept: { COORDINATOR: 'cooperating' },
  },
  // Proposals to merge tasks of several departments into one joint task: a proposal belongs to every
  // department involved; their coordinators propose it and answer it.
  merges: {
    list: SCOPED_READ,
    show: SCOPED_READ,
    create: { COORDINATOR: 'department' },
    accept: { COORDINATOR: 'department' },
  },
  // A draw as staff work with it; the public reads its published projection (`publication`).
  draws: {
    list: SIGNED_IN_READ,
    show: SIGNED_IN_READ,
    schedule: { COORDINATOR: 'department' },
    run: { COORDINATOR: 'department' },
    replace: { COORDINATOR: 'department' },
  },
  // An inspection is seen by its department's staff and by the members of its team.
  // A team member enters the result; a coordinator of the task's departments reviews it and, once it is
  // published, records how each problem's follow-up was closed (后续处置完结).
  inspections: {
    list: { ...SCOPED_READ, INSPECTOR: 'own' },
    show: { ...SCOPED_READ, INSPECTOR: 'own' },
    enter: { INSPECTOR: 'own' },
    review: { COORDINATOR: 'department' },
    close: { COORDINATOR: 'department' },
  },
  // 一公开: what is published of draws (commitment, record) and of results, for everyone, in types of its
  // own that hold no path back into the registries.
  publication: { list: READ_ALL, show: READ_ALL },
  // Result categories: the standard ones (whose consequences an administrator sets) and each
  // department's own, kept by its coordinator. Public, as published results name them.
  categories: {
    list: READ_ALL,
    show: READ_ALL,
    create: { ADMIN: 'all', COORDINATOR: 'department' },
    edit: { ADMIN: 'all', COORDINATOR: 'department' },
    delete: { ADMIN: 'all', COORDINATOR: 'department' },
  },
  // 全程留痕: administrators read the trail; managers may check that it is intact.
  trail: { list: ADMIN_ONLY, show: { ADMIN: 'all', MANAGER: 'all' } },
  // 统计分析: managers and coordinators read the figures of their department (sub-units rolled up) and of
  // the joint tasks it takes part in; administrators everything; inspectors none.
  statistics: { list: SCOPED_READ, export: SCOPED_READ },
  // Everyone signed in keeps their own account: changes their password, signs out.
  account: { edit: SIGNED_IN },
  users: {
    list: ADMIN_ONLY,
    show: ADMIN_ONLY,
    export: ADMIN_ONLY,
    create: ADMIN_ONLY,
    edit: ADMIN_ONLY,
    delete: ADMIN_ONLY,
  },
};

/** How far `actor` (null for the public) may perform `action` on `resource`. */
export function scopeOf(actor: Actor | null, action: Action, resource: Resource): Scope {
  // A name from outside the types (a dashboard route's resource, a request's) may be one the rules lack: none.
  const rules = RULES[resource] as Rules[Resource] | undefined;
  return rules?.[action]?.[actor ? actor.role : 'PUBLIC'] ?? 'none';
}

/**
 * Whether `actor` (null for the public) may perform `action` on `resource`. Without a record it answers
 * "on some records at least" (for menus and list pages); with one, for that record.
 */
export function canAccess(
  actor: Actor | null,
  action: Action,
  resource: Resource,
  record?: ScopedRecord,
): boolean {
  const scope = scopeOf(actor, action, resource);
  if (scope === 'none') return false;
  if (scope === 'all' || record === undefined) return true;
  if (actor === null) return false;
  if (scope === 'department')
    return [record.departmentId, ...(record.departmentIds ?? [])].some(
      (id) => id != null && actor.departmentIds.includes(id),
    );
  if (scope === 'initiating')
    return record.departmentId != null && actor.departmentIds.includes(record.departmentId);
  if (scope === 'cooperating')
    return (record.cooperatingDepartmentIds ?? []).some((id) => actor.departmentIds.includes(id));
  return record.userId === actor.id || (record.userIds ?? []).includes(actor.id);
}
