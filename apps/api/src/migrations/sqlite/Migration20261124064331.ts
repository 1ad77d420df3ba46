import { Migration } from '@mikro-orm/migrations';

export class Migration20261124064331 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`task\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted_at\` datetime null, \`name\` text not null, \`year\` integer not null, \`department_id\` text not null, \`cooperating_department_ids\` text not null, \`scope\` text check (\`scope\` in ('DIRECTED', 'UNDIRECTED')) not null default 'UNDIRECTED', \`regions\` text not null, \`tags\` text not null, \`risk_classes\` text not null, \`target_kinds\` text not null, \`window_start\` text not null, \`window_end\` text not null, \`team_size\` integer not null default 2, constraint \`task_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`task_department_id_index\` on \`task\` (\`department_id\`);`);

    this.addSql(
      `create table \`task_item\` (\`task_id\` text not null, \`inspection_item_id\` text not null, constraint \`task_item_task_id_foreign\` foreign key(\`task_id\`) references \`task\`(\`id\`) on delete cascade on update cascade, constraint \`task_item_inspection_item_id_foreign\` foreign key(\`inspection_item_id\`) references \`inspection_item\`(\`id\`) on delete cascade on update cascade, primary key (\`task_id\`, \`inspection_item_id\`));`,
    );
    this.addSql(`create index \`task_item_task_id_index\` on \`task_item\` (\`task_id\`);`);
    this.addSql(
      `create index \`task_item_inspection_item_id_index\` on \`task_item\` (\`inspection_item_id\`);`,
    );

    this.addSql(
      `create table \`draw\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`task_id\` text not null, \`item_id\` text not null, \`status\` text check (\`status\` in ('SCHEDULED', 'DRAWN')) not null default 'SCHEDULED', \`run_after\` datetime not null, \`scheduled_by_id\` text not null, \`nonce\` text not null, \`commitment\` text not null, \`pool_digest\` text not null, \`pool_size\` integer not null, \`pool\` text not null, \`exclusions\` text not null, \`excluded_count\` integer not null, \`ratios\` text not null, \`team\` text not null, \`inspectors\` text not null, \`conflicts\` text not null, \`roster_size\` integer not null, \`ran_at\` datetime null, \`ran_by_id\` text null, \`public_entropy\` text null, \`initial_load\` text null, \`seed\` text null, \`outcome\` text null, \`selected_count\` integer null, constraint \`draw_task_id_foreign\` foreign key(\`task_id\`) references \`task\`(\`id\`) on update cascade, constraint \`draw_item_id_foreign\` foreign key(\`item_id\`) references \`inspection_item\`(\`id\`) on update cascade, constraint \`draw_scheduled_by_id_foreign\` foreign key(\`scheduled_by_id\`) references \`app_user\`(\`id\`) on update cascade, constraint \`draw_ran_by_id_foreign\` foreign key(\`ran_by_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`draw_task_id_index\` on \`draw\` (\`task_id\`);`);
    this.addSql(`create index \`draw_item_id_index\` on \`draw\` (\`item_id\`);`);
    this.addSql(`create index \`draw_status_index\` on \`draw\` (\`status\`);`);
    this.addSql(`create index \`draw_scheduled_by_id_index\` on \`draw\` (\`scheduled_by_id\`);`);
    this.addSql(`create index \`draw_ran_by_id_index\` on \`draw\` (\`ran_by_id\`);`);
    this.addSql(
      `create unique index \`draw_task_id_item_id_unique\` on \`draw\` (\`task_id\`, \`item_id\`);`,
    );

    this.addSql(
      `create table \`inspection\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`draw_id\` text not null, \`task_id\` text not null, \`target_id\` text not null, \`team_ids\` text not null, \`state\` text check (\`state\` in ('PENDING_ENTRY', 'PENDING_REVIEW', 'REJECTED', 'PUBLISHED')) not null default 'PENDING_ENTRY', constraint \`inspection_draw_id_foreign\` foreign key(\`draw_id\`) references \`draw\`(\`id\`) on update cascade, constraint \`inspection_task_id_foreign\` foreign key(\`task_id\`) references \`task\`(\`id\`) on update cascade, constraint \`inspection_target_id_foreign\` foreign key(\`target_id\`) references \`target\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`inspection_draw_id_index\` on \`inspection\` (\`draw_id\`);`);
    this.addSql(`create index \`inspection_task_id_index\` on \`inspection\` (\`task_id\`);`);
    this.addSql(`create index \`inspection_target_id_index\` on \`inspection\` (\`target_id\`);`);
    this.addSql(
      `create unique index \`inspection_draw_id_target_id_unique\` on \`inspection\` (\`draw_id\`, \`target_id\`);`,
    );
  }
}
