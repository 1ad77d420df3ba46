import { Migration } from '@mikro-orm/migrations';
import { cubeBackfill } from '../visit-facts-backfill.js';

/**
 * The statistics' summary tables (cubes, see modules/statistics/cubes.ts) and the visit's state as they
 * count it; filled from the fact tables.
 */
export class Migration20261201171814 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "coverage_cube" ("key" text not null, "n" int not null, "department_key" varchar(36) not null, "item_key" varchar(36) not null, "drawn_on" varchar(10) not null, "prev_on" varchar(10) null, "region" varchar(100) null, "target_kind" varchar(20) null, "risk_class" varchar(1) null, constraint "coverage_cube_pkey" primary key ("key"));`,
    );
    this.addSql(`create index "coverage_cube_n_index" on "coverage_cube" ("n");`);
    this.addSql(
      `create index "coverage_cube_department_key_item_key_drawn_on_index" on "coverage_cube" ("department_key", "item_key", "drawn_on");`,
    );
    this.addSql(
      `create table "member_cube" ("key" text not null, "n" int not null, "task_id" varchar(36) not null, "inspector_id" varchar(36) not null, "drawn_on" varchar(10) not null, constraint "member_cube_pkey" primary key ("key"));`,
    );
    this.addSql(`create index "member_cube_n_index" on "member_cube" ("n");`);
    this.addSql(
      `create index "member_cube_drawn_on_inspector_id_index" on "member_cube" ("drawn_on", "inspector_id");`,
    );
    this.addSql(
      `create table "visit_cube" ("key" text not null, "n" int not null, "task_id" varchar(36) not null, "drawn_on" varchar(10) not null, "region" varchar(100) null, "target_kind" varchar(20) null, "risk_class" varchar(1) null, "joint" boolean not null, "state" varchar(20) not null, "problem" boolean not null, "closed" boolean not null, "on_time" boolean null, "deadline" varchar(10) null, "saved" int not null, constraint "visit_cube_pkey" primary key ("key"));`,
    );
    this.addSql(`create index "visit_cube_n_index" on "visit_cube" ("n");`);
    this.addSql(`create index "visit_cube_drawn_on_task_id_index" on "visit_cube" ("drawn_on", "task_id");`);
    this.addSql(
      `create table "visit_item_cube" ("key" text not null, "n" int not null, "task_id" varchar(36) not null, "item_id" varchar(36) not null, "drawn_on" varchar(10) not null, "region" varchar(100) null, "target_kind" varchar(20) null, "risk_class" varchar(1) null, "joint" boolean not null, "state" varchar(20) not null, "deadline" varchar(10) null, "on_time" boolean null, "visit_problem" boolean not null, "visit_closed" boolean not null, "category" varchar(40) null, "follow_up" varchar(30) null, "problem" boolean not null, "closed" boolean not null, "first_of_category" boolean not null, "first_of_follow_up" boolean not null, "saved" int not null, constraint "visit_item_cube_pkey" primary key ("key"));`,
    );
    this.addSql(`create index "visit_item_cube_n_index" on "visit_item_cube" ("n");`);
    this.addSql(
      `create index "visit_item_cube_drawn_on_task_id_index" on "visit_item_cube" ("drawn_on", "task_id");`,
    );
    this.addSql(`alter table "inspection" add column "counted_state" varchar(20) null;`);
    for (const sql of cubeBackfill()) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "coverage_cube";`);
    this.addSql(`drop table if exists "member_cube";`);
    this.addSql(`drop table if exists "visit_cube";`);
    this.addSql(`drop table if exists "visit_item_cube";`);
    this.addSql(`alter table "inspection" drop column "counted_state";`);
  }
}
