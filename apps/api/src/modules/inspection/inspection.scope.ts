/**
 * An inspection as the role policy sees it, for the checks of its operations and for the rules of its
 * personal fields. Fetched through the request's loaders, so a page of inspections costs the same few
 * statements however many rows ask.
 */
import type { ScopedRecord } from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { manyByKey, related } from '../../graphql/loaders.js';
import { Inspector } from '../inspector/inspector.entity.js';
import { Task } from '../task/task.entity.js';
import type { Inspection } from './inspection.entity.js';

/** Its task's departments and its team members' users. */
export async function scopedInspection(ctx: Context, inspection: Inspection): Promise<ScopedRecord> {
  const [task, members] = await Promise.all([
    related(ctx, Task, inspection.task, inspection.task.id),
    manyByKey(ctx, Inspector, inspection.teamIds),
  ]);
  return {
    departmentIds: task.departmentIds,
    userIds: members.map((m) => m.user?.id ?? '').filter(Boolean),
  };
}
