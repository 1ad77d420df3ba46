import { Migration } from '@mikro-orm/migrations';
import { deadlineBackfill, factBackfill, rowBackfill } from '../visit-facts-backfill.js';

/**
 * The comma-separated lists as rows (a task's departments, a visit's team and items), a draw's items with
 * their pools, and the facts the statistics count; existing data backfilled (see visit-facts-backfill).
 */
export class Migration20261201134014 extends Migration {
  override async up(): Promise<void> {
    const ends = (await this.execute('select distinct window_end from task')) as { window_end: string }[];
    this.addSql(
      `create table "coverage_fact" ("department_key" varchar(36) not null, "item_key" varchar(36) not null, "inspection_id" varchar(36) not null, "target_id" varchar(36) not null, "drawn_on" varchar(10) not null, "prev_on" varchar(10) null, "region" varchar(100) null, "target_kind" varchar(20) null, "risk_class" varchar(1) null, constraint "coverage_fact_pkey" primary key ("department_key", "item_key", "inspection_id"));`,
    );
    this.addSql(`create index "coverage_fact_target_id_index" on "coverage_fact" ("target_id");`);
    this.addSql(
      `create index "coverage_fact_department_key_item_key_drawn_on_pre_fdc5d_index" on "coverage_fact" ("department_key", "item_key", "drawn_on", "prev_on", "region", "target_kind", "risk_class");`,
    );

    this.addSql(
      `create table "draw_item" ("draw_id" varchar(36) not null, "item_id" varchar(36) not null, "task_id" varchar(36) not null, "pool_size" int not null, "min_ratio_bp" int not null, "drawn" int null, "drawn_on" varchar(10) null, constraint "draw_item_pkey" primary key ("draw_id", "item_id"));`,
    );
    this.addSql(`create index "draw_item_item_id_drawn_on_index" on "draw_item" ("item_id", "drawn_on");`);
    this.addSql(`create index "draw_item_drawn_on_item_id_index" on "draw_item" ("drawn_on", "item_id");`);

    this.addSql(
      `create table "inspection_member" ("inspection_id" varchar(36) not null, "inspector_id" varchar(36) not null, "task_id" varchar(36) null, "drawn_on" varchar(10) null, constraint "inspection_member_pkey" primary key ("inspection_id", "inspector_id"));`,
    );
    this.addSql(
      `create index "inspection_member_drawn_on_inspector_id_index" on "inspection_member" ("drawn_on", "inspector_id");`,
    );
    this.addSql(
      `create index "inspection_member_inspector_id_drawn_on_index" on "inspection_member" ("inspector_id", "drawn_on");`,
    );

    this.addSql(
      `create table "task_department" ("task_id" varchar(36) not null, "department_id" varchar(36) not null, "initiating" boolean not null default false, constraint "task_department_pkey" primary key ("task_id", "department_id"));`,
    );
    this.addSql(
      `create index "task_department_department_id_task_id_index" on "task_department" ("department_id", "task_id");`,
    );

    this.addSql(
      `create table "visit_item" ("inspection_id" varchar(36) not null, "item_id" varchar(36) not null, "draw_id" varchar(36) not null, "task_id" varchar(36) not null, "target_id" varchar(36) not null, "drawn_on" varchar(10) null, "region" varchar(100) null, "target_kind" varchar(20) null, "risk_class" varchar(1) null, "joint" boolean not null default false, "state" varchar(20) not null default 'PENDING_ENTRY', "deadline" varchar(10) null, "published_on" varchar(10) null, "saved" int not null default 0, "visit_problem" boolean not null default false, "visit_closed" boolean not null default false, "category" varchar(40) null, "follow_up" varchar(30) null, "problem" boolean not null default false, "closed" boolean not null default false, "first_of_category" boolean not null default false, "first_of_follow_up" boolean not null default false, "repeated" boolean not null default false, constraint "visit_item_pkey" primary key ("inspection_id", "item_id"));`,
    );
    this.addSql(
      `create index "visit_item_repeated_drawn_on_index" on "visit_item" ("repeated", "drawn_on");`,
    );
    this.addSql(
      `create index "visit_item_drawn_on_category_follow_up_index" on "visit_item" ("drawn_on", "category", "follow_up");`,
    );
    this.addSql(`create index "visit_item_item_id_drawn_on_index" on "visit_item" ("item_id", "drawn_on");`);
    this.addSql(
      `create index "visit_item_drawn_on_item_id_state_problem_closed_index" on "visit_item" ("drawn_on", "item_id", "state", "problem", "closed");`,
    );
    this.addSql(
      `create index "visit_item_target_id_item_id_drawn_on_index" on "visit_item" ("target_id", "item_id", "drawn_on");`,
    );

    this.addSql(`alter table "draw" add column "drawn_on" varchar(10) null;`);

    this.addSql(
      `alter table "inspection" add column "drawn_on" varchar(10) null, add column "initiating_department_id" varchar(36) null, add column "joint" boolean not null default false, add column "region" varchar(100) null, add column "target_kind" varchar(20) null, add column "risk_class" varchar(1) null, add column "deadline" varchar(10) null, add column "published_on" varchar(10) null, add column "problem" boolean not null default false, add column "closed" boolean not null default false, add column "saved" int not null default 0, add column "multi_department" boolean not null default false;`,
    );
    this.addSql(
      `create index "inspection_multi_department_drawn_on_index" on "inspection" ("multi_department", "drawn_on");`,
    );
    this.addSql(
      `create index "inspection_target_kind_risk_class_drawn_on_index" on "inspection" ("target_kind", "risk_class", "drawn_on");`,
    );
    this.addSql(`create index "inspection_region_drawn_on_index" on "inspection" ("region", "drawn_on");`);
    this.addSql(
      `create index "inspection_drawn_on_state_problem_closed_joint_pub_4fcfe_index" on "inspection" ("drawn_on", "state", "problem", "closed", "joint", "published_on", "deadline", "saved");`,
    );

    for (const sql of [
      ...rowBackfill('postgresql'),
      ...deadlineBackfill(ends.map((e) => e.window_end)),
      ...factBackfill('postgresql'),
    ])
      this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "coverage_fact" cascade;`);

    this.addSql(`drop table if exists "draw_item" cascade;`);

    this.addSql(`drop table if exists "inspection_member" cascade;`);

    this.addSql(`drop table if exists "task_department" cascade;`);

    this.addSql(`drop table if exists "visit_item" cascade;`);

    this.addSql(`alter table "draw" drop column "drawn_on";`);

    this.addSql(`drop index "inspection_multi_department_drawn_on_index";`);
    this.addSql(`drop index "inspection_target_kind_risk_class_drawn_on_index";`);
    this.addSql(`drop index "inspection_region_drawn_on_index";`);
    this.addSql(`drop index "inspection_drawn_on_state_problem_closed_joint_pub_4fcfe_index";`);
    this.addSql(
      `alter table "inspection" drop column "drawn_on", drop column "initiating_department_id", drop column "joint", drop column "region", drop column "target_kind", drop column "risk_class", drop column "deadline", drop column "published_on", drop column "problem", drop column "closed", drop column "saved", drop column "multi_department";`,
    );
  }
}
