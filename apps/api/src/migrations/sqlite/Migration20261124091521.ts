import { Migration } from '@mikro-orm/migrations';
import { standardCategoriesSql } from '../standard-categories.js';

export class Migration20261124091521 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`result_category\` (\`code\` text not null, \`name_zh\` text not null, \`name_en\` text not null, \`department_id\` text null, \`problem\` integer not null default false, \`raises_risk\` integer not null default false, \`marks_abnormal\` integer not null default false, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted_at\` datetime null, constraint \`result_category_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on delete set null on update cascade, primary key (\`code\`));`,
    );
    this.addSql(
      `create index \`result_category_department_id_index\` on \`result_category\` (\`department_id\`);`,
    );

    this.addSql(
      `create table \`item_result\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`inspection_id\` text not null, \`item_id\` text not null, \`category\` text not null, \`findings\` text null, \`follow_up\` text check (\`follow_up\` in ('NONE', 'ORDERED_TO_CORRECT', 'CASE_FILED', 'TRANSFERRED', 'COPIED')) not null default 'NONE', constraint \`item_result_inspection_id_foreign\` foreign key(\`inspection_id\`) references \`inspection\`(\`id\`) on update cascade, constraint \`item_result_item_id_foreign\` foreign key(\`item_id\`) references \`inspection_item\`(\`id\`) on update cascade, constraint \`item_result_category_foreign\` foreign key(\`category\`) references \`result_category\`(\`code\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`item_result_inspection_id_index\` on \`item_result\` (\`inspection_id\`);`);
    this.addSql(`create index \`item_result_item_id_index\` on \`item_result\` (\`item_id\`);`);
    this.addSql(`create index \`item_result_category_index\` on \`item_result\` (\`category\`);`);
    this.addSql(
      `create unique index \`item_result_inspection_id_item_id_unique\` on \`item_result\` (\`inspection_id\`, \`item_id\`);`,
    );

    // draw loses its item (one draw per task) and inspection its single result (one per item).
    // SQLite cannot drop a column under a foreign key or a check, so both tables are rebuilt: the
    // inspections wait in a staging table while their draw is rebuilt, so no row ever points at a
    // dropped table (migrations run in a transaction, where foreign keys cannot be switched off).
    this.addSql(standardCategoriesSql());
    this.addSql(
      `create table \`inspection__stage\` as select i.*, d.item_id as drawn_item_id from \`inspection\` i join \`draw\` d on d.id = i.draw_id;`,
    );
    this.addSql(
      `create table \`draw__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`task_id\` text not null, \`status\` text check (\`status\` in ('SCHEDULED', 'DRAWN')) not null default 'SCHEDULED', \`run_after\` datetime not null, \`scheduled_by_id\` text not null, \`nonce\` text not null, \`commitment\` text not null, \`pool_digest\` text not null, \`pool_size\` integer not null, \`pool\` text not null, \`exclusions\` text not null, \`excluded_count\` integer not null, \`ratios\` text not null, \`team\` text not null, \`inspectors\` text not null, \`conflicts\` text not null, \`roster_size\` integer not null, \`ran_at\` datetime null, \`ran_by_id\` text null, \`public_entropy\` text null, \`initial_load\` text null, \`seed\` text null, \`outcome\` text null, \`selected_count\` integer null, constraint \`draw_task_id_foreign\` foreign key(\`task_id\`) references \`task\`(\`id\`) on update cascade, constraint \`draw_scheduled_by_id_foreign\` foreign key(\`scheduled_by_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`draw_ran_by_id_foreign\` foreign key(\`ran_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`draw__temp_alter\` (id, created_at, updated_at, task_id, status, run_after, scheduled_by_id, nonce, commitment, pool_digest, pool_size, pool, exclusions, excluded_count, ratios, team, inspectors, conflicts, roster_size, ran_at, ran_by_id, public_entropy, initial_load, seed, outcome, selected_count) select id, created_at, updated_at, task_id, status, run_after, scheduled_by_id, nonce, commitment, pool_digest, pool_size, pool, exclusions, excluded_count, ratios, team, inspectors, conflicts, roster_size, ran_at, ran_by_id, public_entropy, initial_load, seed, outcome, selected_count from \`draw\`;`,
    );
    this.addSql(`drop table \`inspection\`;`);
    this.addSql(`drop table \`draw\`;`);
    this.addSql(`alter table \`draw__temp_alter\` rename to \`draw\`;`);
    this.addSql(
      `create table \`inspection\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`draw_id\` text not null, \`task_id\` text not null, \`target_id\` text not null, \`team_ids\` text not null, \`item_ids\` text not null default '', \`state\` text check (\`state\` in ('PENDING_ENTRY', 'PENDING_REVIEW', 'REJECTED', 'PUBLISHED')) not null default 'PENDING_ENTRY', \`methods_used\` text not null default '', \`inspected_on\` text null, \`entered_by_id\` text null, \`entered_at\` datetime null, \`review_comment\` text null, \`reviewed_by_id\` text null, \`published_at\` datetime null, constraint \`inspection_draw_id_foreign\` foreign key(\`draw_id\`) references \`draw\`(\`id\`) on update cascade, constraint \`inspection_task_id_foreign\` foreign key(\`task_id\`) references \`task\`(\`id\`) on update cascade, constraint \`inspection_target_id_foreign\` foreign key(\`target_id\`) references \`target\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`inspection\` (id, created_at, updated_at, draw_id, task_id, target_id, team_ids, state, methods_used, inspected_on, entered_by_id, entered_at, review_comment, reviewed_by_id, published_at, item_ids) select id, created_at, updated_at, draw_id, task_id, target_id, team_ids, state, methods_used, inspected_on, entered_by_id, entered_at, review_comment, reviewed_by_id, published_at, ',' || drawn_item_id || ',' from \`inspection__stage\`;`,
    );
    this.addSql(
      `insert into \`item_result\` (id, created_at, updated_at, inspection_id, item_id, category, findings, follow_up) select id, created_at, updated_at, id, drawn_item_id, result_category, findings, coalesce(follow_up, 'NONE') from \`inspection__stage\` where result_category is not null;`,
    );
    this.addSql(`drop table \`inspection__stage\`;`);
    this.addSql(`create unique index \`draw_task_id_unique\` on \`draw\` (\`task_id\`);`);
    this.addSql(`create index \`draw_task_id_index\` on \`draw\` (\`task_id\`);`);
    this.addSql(`create index \`draw_status_index\` on \`draw\` (\`status\`);`);
    this.addSql(`create index \`draw_scheduled_by_id_index\` on \`draw\` (\`scheduled_by_id\`);`);
    this.addSql(`create index \`draw_ran_by_id_index\` on \`draw\` (\`ran_by_id\`);`);
    this.addSql(`create index \`inspection_draw_id_index\` on \`inspection\` (\`draw_id\`);`);
    this.addSql(`create index \`inspection_task_id_index\` on \`inspection\` (\`task_id\`);`);
    this.addSql(`create index \`inspection_target_id_index\` on \`inspection\` (\`target_id\`);`);
    this.addSql(
      `create unique index \`inspection_draw_id_target_id_unique\` on \`inspection\` (\`draw_id\`, \`target_id\`);`,
    );
    this.addSql(
      `create index \`inspection_target_id_task_id_index\` on \`inspection\` (\`target_id\`, \`task_id\`);`,
    );
    this.addSql(`alter table \`target\` add column \`abnormal\` integer not null default false;`);
    this.addSql(`alter table \`target\` add column \`abnormal_reason\` text null;`);
  }
}
