import { Migration } from '@mikro-orm/migrations';

export class Migration20261124060633 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "department" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, "name" varchar(200) not null, "code" varchar(64) not null, "kind" text check ("kind" in ('DEPARTMENT', 'SECTION', 'STATION')) not null default 'DEPARTMENT', "parent_id" varchar(36) null, constraint "department_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "department" add constraint "department_code_unique" unique ("code");`);

    this.addSql(
      `create table "inspection_item" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, "year" int not null, "department_id" varchar(36) not null, "seq" int not null, "name" varchar(200) not null, "legal_basis" text not null, "inspecting_body" varchar(200) not null, "category" text check ("category" in ('GENERAL', 'KEY')) not null default 'GENERAL', "target_type" varchar(200) not null, "min_ratio_bp" int not null, "times_per_year" int not null default 1, "methods" text not null, "remarks" text null, constraint "inspection_item_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "inspection_item_year_index" on "inspection_item" ("year");`);
    this.addSql(
      `alter table "inspection_item" add constraint "inspection_item_year_department_id_name_unique" unique ("year", "department_id", "name");`,
    );

    this.addSql(
      `create table "target" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, "name" varchar(200) not null, "credit_code" varchar(18) not null, "kind" text check ("kind" in ('ENTERPRISE', 'UNIT', 'INDIVIDUAL', 'PROJECT')) not null default 'ENTERPRISE', "legal_representative" varchar(100) not null default '', "address" varchar(200) not null default '', "region" varchar(100) not null default '', "contact" varchar(100) not null default '', "tags" text not null, "risk_class" text check ("risk_class" in ('A', 'B', 'C', 'D')) not null default 'B', "status" text check ("status" in ('ACTIVE', 'SUSPENDED', 'DEREGISTERED')) not null default 'ACTIVE', "target_types" text not null, constraint "target_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "target_name_index" on "target" ("name");`);
    this.addSql(`alter table "target" add constraint "target_credit_code_unique" unique ("credit_code");`);
    this.addSql(`create index "target_region_index" on "target" ("region");`);

    this.addSql(
      `create table "app_user" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, "username" varchar(64) not null, "display_name" varchar(100) not null, "password_hash" varchar(300) not null, "role" text check ("role" in ('ADMIN', 'COORDINATOR', 'INSPECTOR', 'MANAGER')) not null, "department_id" varchar(36) not null, "active" boolean not null default true, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);

    this.addSql(
      `create table "inspector" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, "name" varchar(100) not null, "department_id" varchar(36) not null, "certificate_number" varchar(64) not null, "certificate_valid_from" varchar(10) not null, "certificate_valid_until" varchar(10) not null, "expertise" text not null, "status" text check ("status" in ('ON_DUTY', 'ON_LEAVE', 'TRANSFERRED')) not null default 'ON_DUTY', "phone" varchar(50) null, "user_id" varchar(36) null, constraint "inspector_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "inspector_name_index" on "inspector" ("name");`);
    this.addSql(
      `alter table "inspector" add constraint "inspector_certificate_number_unique" unique ("certificate_number");`,
    );

    this.addSql(
      `create table "conflict" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, "inspector_id" varchar(36) not null, "target_id" varchar(36) not null, "reason" varchar(500) not null, constraint "conflict_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "conflict" add constraint "conflict_inspector_id_target_id_unique" unique ("inspector_id", "target_id");`,
    );

    this.addSql(
      `alter table "department" add constraint "department_parent_id_foreign" foreign key ("parent_id") references "department" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "inspection_item" add constraint "inspection_item_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "inspector" add constraint "inspector_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "inspector" add constraint "inspector_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "conflict" add constraint "conflict_inspector_id_foreign" foreign key ("inspector_id") references "inspector" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "conflict" add constraint "conflict_target_id_foreign" foreign key ("target_id") references "target" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "department" drop constraint "department_parent_id_foreign";`);

    this.addSql(`alter table "inspection_item" drop constraint "inspection_item_department_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_department_id_foreign";`);

    this.addSql(`alter table "inspector" drop constraint "inspector_department_id_foreign";`);

    this.addSql(`alter table "conflict" drop constraint "conflict_target_id_foreign";`);

    this.addSql(`alter table "inspector" drop constraint "inspector_user_id_foreign";`);

    this.addSql(`alter table "conflict" drop constraint "conflict_inspector_id_foreign";`);

    this.addSql(`drop table if exists "department" cascade;`);

    this.addSql(`drop table if exists "inspection_item" cascade;`);

    this.addSql(`drop table if exists "target" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "inspector" cascade;`);

    this.addSql(`drop table if exists "conflict" cascade;`);
  }
}
