import { Migration } from '@mikro-orm/migrations';

export class Migration20261124090803 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "task_acceptance" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "department_id" varchar(36) not null, "state" text check ("state" in ('PENDING', 'ACCEPTED', 'DECLINED')) not null default 'PENDING', "answered_by_id" varchar(36) null, "answered_at" timestamptz null, "reason" varchar(500) null, "task_id" varchar(36) not null, constraint "task_acceptance_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "task_acceptance" add constraint "task_acceptance_task_id_department_id_unique" unique ("task_id", "department_id");`,
    );

    this.addSql(
      `alter table "task_acceptance" add constraint "task_acceptance_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "task_acceptance" add constraint "task_acceptance_answered_by_id_foreign" foreign key ("answered_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "task_acceptance" add constraint "task_acceptance_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "task_acceptance" cascade;`);
  }
}
