import { Migration } from '@mikro-orm/migrations';

export class Migration20261124093000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "attachment" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "inspection_id" varchar(36) not null, "file_name" varchar(200) not null, "mime_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "uploaded_by_id" varchar(36) not null, "content" bytea not null, constraint "attachment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "attachment_inspection_id_created_at_index" on "attachment" ("inspection_id", "created_at");`,
    );

    this.addSql(
      `alter table "attachment" add constraint "attachment_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "attachment" cascade;`);
  }
}
