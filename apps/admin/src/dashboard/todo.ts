/**
 * 待办: what each role has to do today, as lists of the records it must act on. Each is a list query of the
 * API (its filters and sort, the same the list page takes), so the to-do entry, its count on the menu and
 * the list it opens hold the same records.
 */
import type { Role } from '@suiji/domain';
import { useGetIdentity, useGetList, type RaRecord } from 'react-admin';

export type TodoResource = 'inspections' | 'draws' | 'tasks' | 'inspectors';

export interface TodoList {
  /** Its name under `suiji.todo.*`. */
  key: string;
  resource: TodoResource;
  filter: (departmentId: string | undefined) => Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' };
}

const INSPECTIONS_DUE = { field: 'deadline', order: 'ASC' } as const;

/** Each role's lists, in the order they show; a manager's home page is 统计分析. */
export const TODO_LISTS: Partial<Record<Role, readonly TodoList[]>> = {
  INSPECTOR: [
    {
      key: 'to_enter',
      resource: 'inspections',
      filter: () => ({ mine: true, states: ['PENDING_ENTRY', 'REJECTED'] }),
      sort: INSPECTIONS_DUE,
    },
  ],
  COORDINATOR: [
    {
      key: 'to_review',
      resource: 'inspections',
      filter: () => ({ states: ['PENDING_REVIEW'] }),
      sort: INSPECTIONS_DUE,
    },
    { key: 'overdue', resource: 'inspections', filter: () => ({ overdue: true }), sort: INSPECTIONS_DUE },
    {
      key: 'to_run',
      resource: 'draws',
      filter: (departmentId) => ({ runnable: true, ...(departmentId ? { departmentId } : {}) }),
      sort: { field: 'runAfter', order: 'ASC' },
    },
    {
      key: 'to_answer',
      resource: 'tasks',
      filter: () => ({ awaitingAnswer: true }),
      sort: { field: 'windowStart', order: 'ASC' },
    },
  ],
  ADMIN: [
    {
      key: 'certificates',
      resource: 'inspectors',
      filter: () => ({ certificateExpiring: true }),
      sort: { field: 'certificateValidUntil', order: 'ASC' },
    },
  ],
};

/** How many entries a to-do list shows; the rest are behind its link. */
export const TODO_SHOWN = 5;

/** The signed-in user's to-do lists. */
export function useTodoLists(): { lists: readonly TodoList[]; departmentId: string | undefined } {
  const { identity } = useGetIdentity();
  const role = typeof identity?.role === 'string' ? (identity.role as Role) : undefined;
  const departmentId = typeof identity?.departmentId === 'string' ? identity.departmentId : undefined;
  return { lists: (role && TODO_LISTS[role]) || [], departmentId };
}

/** A to-do list's first entries and its total: one query, shared by the home page and the menu's badge. */
export function useTodo(list: TodoList | undefined, departmentId: string | undefined) {
  return useGetList<RaRecord>(
    list?.resource ?? 'inspections',
    {
      filter: list?.filter(departmentId) ?? {},
      sort: list?.sort ?? INSPECTIONS_DUE,
      pagination: { page: 1, perPage: TODO_SHOWN },
    },
    { enabled: list !== undefined },
  );
}

/** The list page holding every entry of a to-do list, with its filter and sort. */
export function todoListPath(list: TodoList, departmentId: string | undefined): string {
  const query = new URLSearchParams({
    filter: JSON.stringify(list.filter(departmentId)),
    sort: list.sort.field,
    order: list.sort.order,
  });
  return `/${list.resource}?${query.toString()}`;
}
