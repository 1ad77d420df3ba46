import { Migration } from '@mikro-orm/migrations';

export class Migration20261124090802 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`task_acceptance\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`department_id\` text not null, \`state\` text check (\`state\` in ('PENDING', 'ACCEPTED', 'DECLINED')) not null default 'PENDING', \`answered_by_id\` text null, \`answered_at\` datetime null, \`reason\` text null, \`task_id\` text not null, constraint \`task_acceptance_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on update cascade, constraint \`task_acceptance_answered_by_id_foreign\` foreign key(\`answered_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, constraint \`task_acceptance_task_id_foreign\` foreign key(\`task_id\`) references \`task\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`task_acceptance_department_id_index\` on \`task_acceptance\` (\`department_id\`);`,
    );
    this.addSql(
      `create index \`task_acceptance_answered_by_id_index\` on \`task_acceptance\` (\`answered_by_id\`);`,
    );
    this.addSql(`create index \`task_acceptance_task_id_index\` on \`task_acceptance\` (\`task_id\`);`);
    this.addSql(
      `create unique index \`task_acceptance_task_id_department_id_unique\` on \`task_acceptance\` (\`task_id\`, \`department_id\`);`,
    );
  }
}
