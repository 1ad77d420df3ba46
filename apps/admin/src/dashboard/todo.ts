/**
 * 待办: what each role has to do today, as lists of the records it must act on. Each is a list query of the
 * API (its filters and sort, the same the list page takes), so the to-do entry, its count on the menu and
 * the list it opens hold the same records.
 */
import type { Role } from '@suiji/domain';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetIdentity, useGetList, type RaRecord } from 'react-admin';
import type { SuijiDataProvider } from '../providers/dataProvider';

/** The lists' records: the resources, and the merge proposals (合并建议, a page of their own, not a list). */
export type TodoResource = 'inspections' | 'draws' | 'tasks' | 'inspectors' | 'merges';

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
    // The API's `mergeProposalsAwaiting`: open, the user's department's answer pending, oldest first.
    { key: 'to_merge', resource: 'merges', filter: () => ({}), sort: { field: 'createdAt', order: 'ASC' } },
  ],
  ADMIN: [
    {
      key: 'certificates',
      resource: 'inspectors',
      filter: () => ({ certificateExpiring: true }),
      sort: { field: 'certificateValidUntil', order: 'ASC' },
    },
    // What an import leaves to do: inspectors come from a sheet without an account, and cannot sign in to
    // enter their results until one is made (an import's refused rows are reported when it runs, and
    // nothing of a refused file is written).
    {
      key: 'without_account',
      resource: 'inspectors',
      filter: () => ({ hasAccount: false, status: 'ON_DUTY' }),
      sort: { field: 'name', order: 'ASC' },
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
export function useTodo(
  list: TodoList | undefined,
  departmentId: string | undefined,
): { data?: RaRecord[]; total?: number; isPending: boolean; error: Error | null } {
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const merges = list?.resource === 'merges';
  const listed = useGetList<RaRecord>(
    merges ? 'inspections' : (list?.resource ?? 'inspections'),
    {
      filter: list?.filter(departmentId) ?? {},
      sort: list?.sort ?? INSPECTIONS_DUE,
      pagination: { page: 1, perPage: TODO_SHOWN },
    },
    { enabled: list !== undefined && !merges },
  );
  const proposals = useQuery({
    queryKey: ['mergeProposalsAwaiting', TODO_SHOWN],
    queryFn: () => dataProvider.mergeProposalsAwaiting({ page: 1, perPage: TODO_SHOWN }),
    enabled: merges,
  });
  if (!merges) return listed;
  return {
    // Proposals awaiting an answer have been made: each has its id.
    data: proposals.data?.items.map((p) => ({ ...p, id: p.id ?? '' })),
    total: proposals.data?.total,
    isPending: proposals.isPending,
    error: proposals.error,
  };
}

/** The page a merge proposal is answered on: 合并建议 of its quarter. */
export const mergesPath = (year: number, quarter: number) => `/merges?year=${year}&quarter=${quarter}`;

/** The list page holding every entry of a to-do list, with its filter and sort. */
export function todoListPath(list: TodoList, departmentId: string | undefined): string {
  if (list.resource === 'merges') return '/merges';
  const query = new URLSearchParams({
    filter: JSON.stringify(list.filter(departmentId)),
    sort: list.sort.field,
    order: list.sort.order,
  });
  return `/${list.resource}?${query.toString()}`;
}
