import { Migration } from '@mikro-orm/migrations';

export class Migration20261124064331 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "task" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, "name" varchar(200) not null, "year" int not null, "department_id" varchar(36) not null, "cooperating_department_ids" text not null, "scope" text check ("scope" in ('DIRECTED', 'UNDIRECTED')) not null default 'UNDIRECTED', "regions" text not null, "tags" text not null, "risk_classes" text not null, "target_kinds" text not null, "window_start" varchar(10) not null, "window_end" varchar(10) not null, "team_size" int not null default 2, constraint "task_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "task_item" ("task_id" varchar(36) not null, "inspection_item_id" varchar(36) not null, constraint "task_item_pkey" primary key ("task_id", "inspection_item_id"));`,
    );

    this.addSql(
      `create table "draw" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "task_id" varchar(36) not null, "item_id" varchar(36) not null, "status" text check ("status" in ('SCHEDULED', 'DRAWN')) not null default 'SCHEDULED', "run_after" timestamptz not null, "scheduled_by_id" varchar(36) not null, "nonce" varchar(64) not null, "commitment" varchar(64) not null, "pool_digest" varchar(64) not null, "pool_size" int not null, "pool" text not null, "exclusions" text not null, "excluded_count" int not null, "ratios" text not null, "team" text not null, "inspectors" text not null, "conflicts" text not null, "roster_size" int not null, "ran_at" timestamptz null, "ran_by_id" varchar(36) null, "public_entropy" text null, "initial_load" text null, "seed" varchar(64) null, "outcome" text null, "selected_count" int null, constraint "draw_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "draw_status_index" on "draw" ("status");`);
    this.addSql(
      `alter table "draw" add constraint "draw_task_id_item_id_unique" unique ("task_id", "item_id");`,
    );

    this.addSql(
      `create table "inspection" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "draw_id" varchar(36) not null, "task_id" varchar(36) not null, "target_id" varchar(36) not null, "team_ids" text not null, "state" text check ("state" in ('PENDING_ENTRY', 'PENDING_REVIEW', 'REJECTED', 'PUBLISHED')) not null default 'PENDING_ENTRY', constraint "inspection_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "inspection" add constraint "inspection_draw_id_target_id_unique" unique ("draw_id", "target_id");`,
    );

    this.addSql(
      `alter table "task" add constraint "task_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "task_item" add constraint "task_item_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "task_item" add constraint "task_item_inspection_item_id_foreign" foreign key ("inspection_item_id") references "inspection_item" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "draw" add constraint "draw_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "draw" add constraint "draw_item_id_foreign" foreign key ("item_id") references "inspection_item" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "draw" add constraint "draw_scheduled_by_id_foreign" foreign key ("scheduled_by_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "draw" add constraint "draw_ran_by_id_foreign" foreign key ("ran_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "inspection" add constraint "inspection_draw_id_foreign" foreign key ("draw_id") references "draw" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "inspection" add constraint "inspection_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "inspection" add constraint "inspection_target_id_foreign" foreign key ("target_id") references "target" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "task_item" drop constraint "task_item_task_id_foreign";`);

    this.addSql(`alter table "draw" drop constraint "draw_task_id_foreign";`);

    this.addSql(`alter table "inspection" drop constraint "inspection_task_id_foreign";`);

    this.addSql(`alter table "inspection" drop constraint "inspection_draw_id_foreign";`);

    this.addSql(`drop table if exists "task" cascade;`);

    this.addSql(`drop table if exists "task_item" cascade;`);

    this.addSql(`drop table if exists "draw" cascade;`);

    this.addSql(`drop table if exists "inspection" cascade;`);
  }
}
