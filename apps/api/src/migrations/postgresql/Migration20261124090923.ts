import { Migration } from '@mikro-orm/migrations';

export class Migration20261124090923 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "plan" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, "name" varchar(200) not null, "year" int not null, "department_id" varchar(36) not null, "cooperating_department_ids" text not null, "remarks" text null, constraint "plan_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "plan_item" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "plan_id" varchar(36) not null, "item_id" varchar(36) not null, "ratio_bp" int not null, "times_per_year" int not null default 1, "period" varchar(100) null, constraint "plan_item_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "plan_item" add constraint "plan_item_plan_id_item_id_unique" unique ("plan_id", "item_id");`,
    );

    this.addSql(
      `alter table "plan" add constraint "plan_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "plan_item" add constraint "plan_item_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "plan_item" add constraint "plan_item_item_id_foreign" foreign key ("item_id") references "inspection_item" ("id") on update cascade;`,
    );

    this.addSql(`alter table "task" add column "plan_id" varchar(36) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plan_item" drop constraint "plan_item_plan_id_foreign";`);

    this.addSql(`drop table if exists "plan" cascade;`);

    this.addSql(`drop table if exists "plan_item" cascade;`);

    this.addSql(`alter table "task" drop column "plan_id";`);
  }
}
