import { Migration } from '@mikro-orm/migrations';

export class Migration20261124091437 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`merge_proposal\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`year\` integer not null, \`quarter\` integer not null, \`task_ids\` text not null, \`department_ids\` text not null, \`target_count\` integer not null, \`separate_visits\` integer not null, \`joint_visits\` integer not null, \`state\` text check (\`state\` in ('SUGGESTED', 'OPEN', 'ACCEPTED', 'DECLINED')) not null default 'OPEN', \`proposed_by_id\` text null, \`merged_task_id\` text null, constraint \`merge_proposal_proposed_by_id_foreign\` foreign key(\`proposed_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, constraint \`merge_proposal_merged_task_id_foreign\` foreign key(\`merged_task_id\`) references \`task\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`merge_proposal_proposed_by_id_index\` on \`merge_proposal\` (\`proposed_by_id\`);`,
    );
    this.addSql(
      `create index \`merge_proposal_merged_task_id_index\` on \`merge_proposal\` (\`merged_task_id\`);`,
    );

    this.addSql(
      `create table \`merge_response\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`department_id\` text not null, \`state\` text check (\`state\` in ('PENDING', 'ACCEPTED', 'DECLINED')) not null default 'PENDING', \`answered_by_id\` text null, \`answered_at\` datetime null, \`reason\` text null, \`proposal_id\` text not null, constraint \`merge_response_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on update cascade, constraint \`merge_response_answered_by_id_foreign\` foreign key(\`answered_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, constraint \`merge_response_proposal_id_foreign\` foreign key(\`proposal_id\`) references \`merge_proposal\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`merge_response_department_id_index\` on \`merge_response\` (\`department_id\`);`,
    );
    this.addSql(
      `create index \`merge_response_answered_by_id_index\` on \`merge_response\` (\`answered_by_id\`);`,
    );
    this.addSql(`create index \`merge_response_proposal_id_index\` on \`merge_response\` (\`proposal_id\`);`);
    this.addSql(
      `create unique index \`merge_response_proposal_id_department_id_unique\` on \`merge_response\` (\`proposal_id\`, \`department_id\`);`,
    );
  }
}
