/**
 * Which targets a task's draw may pick, as SQL over the target table (alias `t`), in one place: the draw
 * freezes its pool by it, the merge proposals count the overlap of two tasks' pools by it, and the
 * statistics count the targets an item applies to by it.
 */
import { allOf, type Clause } from '../../db/query.js';
import { LIKE } from '../../db/like.js';
import { StringListType } from '../../db/string-list.type.js';

/** What of a task limits its pool: its filters (each empty: any). */
export interface PoolScope {
  readonly regions: readonly string[];
  readonly riskClasses: readonly string[];
  readonly targetKinds: readonly string[];
  readonly tags: readonly string[];
}

/** Targets an item of this target type applies to. */
export function appliesTo(item: { readonly targetType: string }, alias = 't'): Clause {
  return { sql: `${alias}.target_types ${LIKE}`, params: [StringListType.containing(item.targetType)] };
}

/** Not deleted. */
export const LIVE: Clause = { sql: 't.deleted_at is null', params: [] };

/** Deregistered (注销): no draw picks it. */
export const DEREGISTERED: Clause = { sql: "t.status = 'DEREGISTERED'", params: [] };

function anyOf(column: string, values: readonly string[], list = false): Clause[] {
  if (values.length === 0) return [];
  return [
    {
      sql: values.map(() => (list ? `t.${column} ${LIKE}` : `t.${column} = ?`)).join(' or '),
      params: values.map((v) => (list ? StringListType.containing(v) : v)),
    },
  ];
}

/**
 * Live targets one of the items applies to, within the task's filters: regions, risk classes, kinds and
 * tags. No item: none.
 */
export function poolScope(task: PoolScope, items: readonly { readonly targetType: string }[]): Clause {
  if (items.length === 0) return { sql: '1 = 0', params: [] };
  const types = [...new Set(items.map((item) => item.targetType))];
  return allOf([
    LIVE,
    ...anyOf('target_types', types, true),
    ...anyOf('region', task.regions),
    ...anyOf('risk_class', task.riskClasses),
    ...anyOf('kind', task.targetKinds),
    ...anyOf('tags', task.tags, true),
  ]);
}
