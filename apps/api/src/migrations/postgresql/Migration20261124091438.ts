import { Migration } from '@mikro-orm/migrations';

export class Migration20261124091438 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "merge_proposal" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "year" int not null, "quarter" int not null, "task_ids" text not null, "department_ids" text not null, "target_count" int not null, "separate_visits" int not null, "joint_visits" int not null, "state" text check ("state" in ('SUGGESTED', 'OPEN', 'ACCEPTED', 'DECLINED')) not null default 'OPEN', "proposed_by_id" varchar(36) null, "merged_task_id" varchar(36) null, constraint "merge_proposal_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "merge_response" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "department_id" varchar(36) not null, "state" text check ("state" in ('PENDING', 'ACCEPTED', 'DECLINED')) not null default 'PENDING', "answered_by_id" varchar(36) null, "answered_at" timestamptz null, "reason" varchar(500) null, "proposal_id" varchar(36) not null, constraint "merge_response_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "merge_response" add constraint "merge_response_proposal_id_department_id_unique" unique ("proposal_id", "department_id");`,
    );

    this.addSql(
      `alter table "merge_proposal" add constraint "merge_proposal_proposed_by_id_foreign" foreign key ("proposed_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "merge_proposal" add constraint "merge_proposal_merged_task_id_foreign" foreign key ("merged_task_id") references "task" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "merge_response" add constraint "merge_response_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "merge_response" add constraint "merge_response_answered_by_id_foreign" foreign key ("answered_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "merge_response" add constraint "merge_response_proposal_id_foreign" foreign key ("proposal_id") references "merge_proposal" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "merge_response" drop constraint "merge_response_proposal_id_foreign";`);

    this.addSql(`drop table if exists "merge_proposal" cascade;`);

    this.addSql(`drop table if exists "merge_response" cascade;`);
  }
}
