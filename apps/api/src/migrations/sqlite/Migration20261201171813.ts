import { Migration } from '@mikro-orm/migrations';
import { cubeBackfill } from '../visit-facts-backfill.js';

/**
 * The statistics' summary tables (cubes, see modules/statistics/cubes.ts) and the visit's state as they
 * count it; filled from the fact tables.
 */
export class Migration20261201171813 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`coverage_cube\` (\`key\` text not null, \`n\` integer not null, \`department_key\` text not null, \`item_key\` text not null, \`drawn_on\` text not null, \`prev_on\` text null, \`region\` text null, \`target_kind\` text null, \`risk_class\` text null, primary key (\`key\`));`,
    );
    this.addSql(`create index \`coverage_cube_n_index\` on \`coverage_cube\` (\`n\`);`);
    this.addSql(
      `create index \`coverage_cube_department_key_item_key_drawn_on_index\` on \`coverage_cube\` (\`department_key\`, \`item_key\`, \`drawn_on\`);`,
    );
    this.addSql(
      `create table \`member_cube\` (\`key\` text not null, \`n\` integer not null, \`task_id\` text not null, \`inspector_id\` text not null, \`drawn_on\` text not null, primary key (\`key\`));`,
    );
    this.addSql(`create index \`member_cube_n_index\` on \`member_cube\` (\`n\`);`);
    this.addSql(
      `create index \`member_cube_drawn_on_inspector_id_index\` on \`member_cube\` (\`drawn_on\`, \`inspector_id\`);`,
    );
    this.addSql(
      `create table \`visit_cube\` (\`key\` text not null, \`n\` integer not null, \`task_id\` text not null, \`drawn_on\` text not null, \`region\` text null, \`target_kind\` text null, \`risk_class\` text null, \`joint\` integer not null, \`state\` text not null, \`problem\` integer not null, \`closed\` integer not null, \`on_time\` integer null, \`deadline\` text null, \`saved\` integer not null, primary key (\`key\`));`,
    );
    this.addSql(`create index \`visit_cube_n_index\` on \`visit_cube\` (\`n\`);`);
    this.addSql(
      `create index \`visit_cube_drawn_on_task_id_index\` on \`visit_cube\` (\`drawn_on\`, \`task_id\`);`,
    );
    this.addSql(
      `create table \`visit_item_cube\` (\`key\` text not null, \`n\` integer not null, \`task_id\` text not null, \`item_id\` text not null, \`drawn_on\` text not null, \`region\` text null, \`target_kind\` text null, \`risk_class\` text null, \`joint\` integer not null, \`state\` text not null, \`deadline\` text null, \`on_time\` integer null, \`visit_problem\` integer not null, \`visit_closed\` integer not null, \`category\` text null, \`follow_up\` text null, \`problem\` integer not null, \`closed\` integer not null, \`first_of_category\` integer not null, \`first_of_follow_up\` integer not null, \`saved\` integer not null, primary key (\`key\`));`,
    );
    this.addSql(`create index \`visit_item_cube_n_index\` on \`visit_item_cube\` (\`n\`);`);
    this.addSql(
      `create index \`visit_item_cube_drawn_on_task_id_index\` on \`visit_item_cube\` (\`drawn_on\`, \`task_id\`);`,
    );
    this.addSql(`alter table \`inspection\` add column \`counted_state\` text null;`);
    for (const sql of cubeBackfill()) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`coverage_cube\`;`);
    this.addSql(`drop table if exists \`member_cube\`;`);
    this.addSql(`drop table if exists \`visit_cube\`;`);
    this.addSql(`drop table if exists \`visit_item_cube\`;`);
    this.addSql(`alter table \`inspection\` drop column \`counted_state\`;`);
  }
}
