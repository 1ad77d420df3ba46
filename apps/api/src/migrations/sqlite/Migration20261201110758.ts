import { Migration } from '@mikro-orm/migrations';

export class Migration20261201110758 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`login_throttle\` (\`subject\` text not null, \`failures\` integer not null default 0, \`window_start\` datetime not null, \`blocked_until\` datetime null, primary key (\`subject\`));`,
    );
    this.addSql(
      `create index \`login_throttle_window_start_index\` on \`login_throttle\` (\`window_start\`);`,
    );
    this.addSql(
      `create table \`user_session\` (\`id\` text not null, \`user_id\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, constraint \`user_session_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`user_session_user_id_index\` on \`user_session\` (\`user_id\`);`);
    this.addSql(`create index \`user_session_expires_at_index\` on \`user_session\` (\`expires_at\`);`);
    this.addSql(
      `create index \`user_session_user_id_revoked_at_index\` on \`user_session\` (\`user_id\`, \`revoked_at\`);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`login_throttle\`;`);
    this.addSql(`drop table if exists \`user_session\`;`);
  }
}
