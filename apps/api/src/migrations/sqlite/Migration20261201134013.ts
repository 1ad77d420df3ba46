import { Migration } from '@mikro-orm/migrations';
import { deadlineBackfill, factBackfill, rowBackfill } from '../visit-facts-backfill.js';

/**
 * The comma-separated lists as rows (a task's departments, a visit's team and items), a draw's items with
 * their pools, and the facts the statistics count; existing data backfilled (see visit-facts-backfill).
 */
export class Migration20261201134013 extends Migration {
  override async up(): Promise<void> {
    const ends = (await this.execute('select distinct window_end from task')) as { window_end: string }[];
    this.addSql(
      `create table \`coverage_fact\` (\`department_key\` text not null, \`item_key\` text not null, \`inspection_id\` text not null, \`target_id\` text not null, \`drawn_on\` text not null, \`prev_on\` text null, \`region\` text null, \`target_kind\` text null, \`risk_class\` text null, primary key (\`department_key\`, \`item_key\`, \`inspection_id\`));`,
    );
    this.addSql(`create index \`coverage_fact_target_id_index\` on \`coverage_fact\` (\`target_id\`);`);
    this.addSql(
      `create index \`coverage_fact_department_key_item_key_drawn_on_prev_on_region_target_kind_risk_class_index\` on \`coverage_fact\` (\`department_key\`, \`item_key\`, \`drawn_on\`, \`prev_on\`, \`region\`, \`target_kind\`, \`risk_class\`);`,
    );

    this.addSql(
      `create table \`draw_item\` (\`draw_id\` text not null, \`item_id\` text not null, \`task_id\` text not null, \`pool_size\` integer not null, \`min_ratio_bp\` integer not null, \`drawn\` integer null, \`drawn_on\` text null, primary key (\`draw_id\`, \`item_id\`));`,
    );
    this.addSql(
      `create index \`draw_item_item_id_drawn_on_index\` on \`draw_item\` (\`item_id\`, \`drawn_on\`);`,
    );
    this.addSql(
      `create index \`draw_item_drawn_on_item_id_index\` on \`draw_item\` (\`drawn_on\`, \`item_id\`);`,
    );

    this.addSql(
      `create table \`inspection_member\` (\`inspection_id\` text not null, \`inspector_id\` text not null, \`task_id\` text null, \`drawn_on\` text null, primary key (\`inspection_id\`, \`inspector_id\`));`,
    );
    this.addSql(
      `create index \`inspection_member_drawn_on_inspector_id_index\` on \`inspection_member\` (\`drawn_on\`, \`inspector_id\`);`,
    );
    this.addSql(
      `create index \`inspection_member_inspector_id_drawn_on_index\` on \`inspection_member\` (\`inspector_id\`, \`drawn_on\`);`,
    );

    this.addSql(
      `create table \`task_department\` (\`task_id\` text not null, \`department_id\` text not null, \`initiating\` integer not null default false, primary key (\`task_id\`, \`department_id\`));`,
    );
    this.addSql(
      `create index \`task_department_department_id_task_id_index\` on \`task_department\` (\`department_id\`, \`task_id\`);`,
    );

    this.addSql(
      `create table \`visit_item\` (\`inspection_id\` text not null, \`item_id\` text not null, \`draw_id\` text not null, \`task_id\` text not null, \`target_id\` text not null, \`drawn_on\` text null, \`region\` text null, \`target_kind\` text null, \`risk_class\` text null, \`joint\` integer not null default false, \`state\` text not null default 'PENDING_ENTRY', \`deadline\` text null, \`published_on\` text null, \`saved\` integer not null default 0, \`visit_problem\` integer not null default false, \`visit_closed\` integer not null default false, \`category\` text null, \`follow_up\` text null, \`problem\` integer not null default false, \`closed\` integer not null default false, \`first_of_category\` integer not null default false, \`first_of_follow_up\` integer not null default false, \`repeated\` integer not null default false, primary key (\`inspection_id\`, \`item_id\`));`,
    );
    this.addSql(
      `create index \`visit_item_repeated_drawn_on_index\` on \`visit_item\` (\`repeated\`, \`drawn_on\`);`,
    );
    this.addSql(
      `create index \`visit_item_drawn_on_category_follow_up_index\` on \`visit_item\` (\`drawn_on\`, \`category\`, \`follow_up\`);`,
    );
    this.addSql(
      `create index \`visit_item_item_id_drawn_on_index\` on \`visit_item\` (\`item_id\`, \`drawn_on\`);`,
    );
    this.addSql(
      `create index \`visit_item_drawn_on_item_id_state_problem_closed_index\` on \`visit_item\` (\`drawn_on\`, \`item_id\`, \`state\`, \`problem\`, \`closed\`);`,
    );
    this.addSql(
      `create index \`visit_item_target_id_item_id_drawn_on_index\` on \`visit_item\` (\`target_id\`, \`item_id\`, \`drawn_on\`);`,
    );

    this.addSql(`alter table \`draw\` add column \`drawn_on\` text null;`);

    this.addSql(`alter table \`inspection\` add column \`drawn_on\` text null;`);
    this.addSql(`alter table \`inspection\` add column \`initiating_department_id\` text null;`);
    this.addSql(`alter table \`inspection\` add column \`joint\` integer not null default false;`);
    this.addSql(`alter table \`inspection\` add column \`region\` text null;`);
    this.addSql(`alter table \`inspection\` add column \`target_kind\` text null;`);
    this.addSql(`alter table \`inspection\` add column \`risk_class\` text null;`);
    this.addSql(`alter table \`inspection\` add column \`deadline\` text null;`);
    this.addSql(`alter table \`inspection\` add column \`published_on\` text null;`);
    this.addSql(`alter table \`inspection\` add column \`problem\` integer not null default false;`);
    this.addSql(`alter table \`inspection\` add column \`closed\` integer not null default false;`);
    this.addSql(`alter table \`inspection\` add column \`saved\` integer not null default 0;`);
    this.addSql(`alter table \`inspection\` add column \`multi_department\` integer not null default false;`);
    this.addSql(
      `create index \`inspection_multi_department_drawn_on_index\` on \`inspection\` (\`multi_department\`, \`drawn_on\`);`,
    );
    this.addSql(
      `create index \`inspection_target_kind_risk_class_drawn_on_index\` on \`inspection\` (\`target_kind\`, \`risk_class\`, \`drawn_on\`);`,
    );
    this.addSql(
      `create index \`inspection_region_drawn_on_index\` on \`inspection\` (\`region\`, \`drawn_on\`);`,
    );
    this.addSql(
      `create index \`inspection_drawn_on_state_problem_closed_joint_published_on_deadline_saved_index\` on \`inspection\` (\`drawn_on\`, \`state\`, \`problem\`, \`closed\`, \`joint\`, \`published_on\`, \`deadline\`, \`saved\`);`,
    );

    for (const sql of [
      ...rowBackfill('sqlite'),
      ...deadlineBackfill(ends.map((e) => e.window_end)),
      ...factBackfill('sqlite'),
    ])
      this.addSql(sql);
  }

  // SQLite drops a column (3.35 and later) once no index names it.
  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`coverage_fact\`;`);
    this.addSql(`drop table if exists \`draw_item\`;`);
    this.addSql(`drop table if exists \`inspection_member\`;`);
    this.addSql(`drop table if exists \`task_department\`;`);
    this.addSql(`drop table if exists \`visit_item\`;`);
    this.addSql(`alter table \`draw\` drop column \`drawn_on\`;`);
    this.addSql(`drop index if exists \`inspection_multi_department_drawn_on_index\`;`);
    this.addSql(`drop index if exists \`inspection_target_kind_risk_class_drawn_on_index\`;`);
    this.addSql(`drop index if exists \`inspection_region_drawn_on_index\`;`);
    this.addSql(
      `drop index if exists \`inspection_drawn_on_state_problem_closed_joint_published_on_deadline_saved_index\`;`,
    );
    this.addSql(`alter table \`inspection\` drop column \`drawn_on\`;`);
    this.addSql(`alter table \`inspection\` drop column \`initiating_department_id\`;`);
    this.addSql(`alter table \`inspection\` drop column \`joint\`;`);
    this.addSql(`alter table \`inspection\` drop column \`region\`;`);
    this.addSql(`alter table \`inspection\` drop column \`target_kind\`;`);
    this.addSql(`alter table \`inspection\` drop column \`risk_class\`;`);
    this.addSql(`alter table \`inspection\` drop column \`deadline\`;`);
    this.addSql(`alter table \`inspection\` drop column \`published_on\`;`);
    this.addSql(`alter table \`inspection\` drop column \`problem\`;`);
    this.addSql(`alter table \`inspection\` drop column \`closed\`;`);
    this.addSql(`alter table \`inspection\` drop column \`saved\`;`);
    this.addSql(`alter table \`inspection\` drop column \`multi_department\`;`);
  }
}
