import { Migration } from '@mikro-orm/migrations';

export class Migration20261201110759 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "login_throttle" ("subject" varchar(120) not null, "failures" int not null default 0, "window_start" timestamptz not null, "blocked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("subject"));`,
    );
    this.addSql(`create index "login_throttle_window_start_index" on "login_throttle" ("window_start");`);

    this.addSql(
      `create table "user_session" ("id" varchar(36) not null, "user_id" varchar(36) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "user_session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "user_session_expires_at_index" on "user_session" ("expires_at");`);
    this.addSql(
      `create index "user_session_user_id_revoked_at_index" on "user_session" ("user_id", "revoked_at");`,
    );

    this.addSql(
      `alter table "user_session" add constraint "user_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`drop table if exists "user_session" cascade;`);
  }
}
