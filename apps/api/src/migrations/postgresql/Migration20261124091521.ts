import { Migration } from '@mikro-orm/migrations';
import { standardCategoriesSql } from '../standard-categories.js';

export class Migration20261124091521 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "result_category" ("code" varchar(40) not null, "name_zh" varchar(200) not null, "name_en" varchar(200) not null, "department_id" varchar(36) null, "problem" boolean not null default false, "raises_risk" boolean not null default false, "marks_abnormal" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, constraint "result_category_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "item_result" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "inspection_id" varchar(36) not null, "item_id" varchar(36) not null, "category" varchar(40) not null, "findings" text null, "follow_up" text check ("follow_up" in ('NONE', 'ORDERED_TO_CORRECT', 'CASE_FILED', 'TRANSFERRED', 'COPIED')) not null default 'NONE', constraint "item_result_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "item_result" add constraint "item_result_inspection_id_item_id_unique" unique ("inspection_id", "item_id");`,
    );

    this.addSql(
      `alter table "result_category" add constraint "result_category_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "item_result" add constraint "item_result_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "item_result" add constraint "item_result_item_id_foreign" foreign key ("item_id") references "inspection_item" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "item_result" add constraint "item_result_category_foreign" foreign key ("category") references "result_category" ("code") on update cascade;`,
    );

    this.addSql(standardCategoriesSql());

    this.addSql(
      `alter table "target" add column "abnormal" boolean not null default false, add column "abnormal_reason" varchar(300) null;`,
    );

    // Each inspection covers its draw's item; its single result becomes that item's result.
    this.addSql(`alter table "inspection" add column "item_ids" text not null default '';`);
    this.addSql(
      `update "inspection" i set "item_ids" = ',' || d."item_id" || ',' from "draw" d where d."id" = i."draw_id";`,
    );
    this.addSql(
      `insert into "item_result" ("id", "created_at", "updated_at", "inspection_id", "item_id", "category", "findings", "follow_up") select i."id", i."created_at", i."updated_at", i."id", d."item_id", i."result_category", i."findings", coalesce(i."follow_up", 'NONE') from "inspection" i join "draw" d on d."id" = i."draw_id" where i."result_category" is not null;`,
    );

    this.addSql(`alter table "draw" drop constraint "draw_item_id_foreign";`);
    this.addSql(`alter table "draw" drop constraint "draw_task_id_item_id_unique";`);
    this.addSql(`alter table "draw" drop column "item_id";`);

    this.addSql(`alter table "draw" add constraint "draw_task_id_unique" unique ("task_id");`);

    this.addSql(
      `alter table "inspection" drop column "result_category", drop column "findings", drop column "follow_up";`,
    );

    this.addSql(
      `create index "inspection_target_id_task_id_index" on "inspection" ("target_id", "task_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "item_result" drop constraint "item_result_category_foreign";`);

    this.addSql(`drop table if exists "result_category" cascade;`);

    this.addSql(`drop table if exists "item_result" cascade;`);

    this.addSql(`alter table "draw" drop constraint "draw_task_id_unique";`);

    this.addSql(`alter table "draw" add column "item_id" varchar(36) not null;`);
    this.addSql(
      `alter table "draw" add constraint "draw_item_id_foreign" foreign key ("item_id") references "inspection_item" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "draw" add constraint "draw_task_id_item_id_unique" unique ("task_id", "item_id");`,
    );

    this.addSql(`drop index "inspection_target_id_task_id_index";`);
    this.addSql(`alter table "inspection" drop column "item_ids";`);

    this.addSql(
      `alter table "inspection" add column "result_category" text check ("result_category" in ('NO_PROBLEM', 'PROBLEM_PENDING', 'PROBLEM_CORRECTED', 'NOT_DISCLOSED', 'FALSIFIED', 'UNREACHABLE', 'NO_SUCH_ACTIVITY', 'CLOSED', 'UNCOOPERATIVE', 'DEREGISTERED')) null, add column "findings" text null, add column "follow_up" text check ("follow_up" in ('NONE', 'ORDERED_TO_CORRECT', 'CASE_FILED', 'TRANSFERRED', 'COPIED')) null;`,
    );

    this.addSql(`alter table "target" drop column "abnormal", drop column "abnormal_reason";`);
  }
}
