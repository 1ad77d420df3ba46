import { Entity, Index, PrimaryKey, Property, type Opt, PrimaryKeyProp } from '@mikro-orm/core';

/**
 * A department taking part in a task, one row each: the initiating one and every cooperating one, all
 * top-level departments. The task keeps its list (`cooperatingDepartmentIds`) for the role policy's
 * checks, which read a record in memory; this row form is what queries filter and group by (a joint
 * task belongs to each of its departments). Written with the task, by `writeTaskDepartments`.
 */
@Entity()
@Index({ properties: ['departmentId', 'taskId'] })
export class TaskDepartment {
  [PrimaryKeyProp]?: ['taskId', 'departmentId'];

  @PrimaryKey({ type: 'string', length: 36 })
  taskId!: string;

  @PrimaryKey({ type: 'string', length: 36 })
  departmentId!: string;

  @Property({ type: 'boolean' })
  initiating: Opt<boolean> = false;
}
