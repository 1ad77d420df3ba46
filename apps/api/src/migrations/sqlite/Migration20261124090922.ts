import { Migration } from '@mikro-orm/migrations';

export class Migration20261124090922 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`plan\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted_at\` datetime null, \`name\` text not null, \`year\` integer not null, \`department_id\` text not null, \`cooperating_department_ids\` text not null, \`remarks\` text null, constraint \`plan_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`plan_department_id_index\` on \`plan\` (\`department_id\`);`);

    this.addSql(
      `create table \`plan_item\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`plan_id\` text not null, \`item_id\` text not null, \`ratio_bp\` integer not null, \`times_per_year\` integer not null default 1, \`period\` text null, constraint \`plan_item_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan\`(\`id\`) on update cascade, constraint \`plan_item_item_id_foreign\` foreign key(\`item_id\`) references \`inspection_item\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`plan_item_plan_id_index\` on \`plan_item\` (\`plan_id\`);`);
    this.addSql(`create index \`plan_item_item_id_index\` on \`plan_item\` (\`item_id\`);`);
    this.addSql(
      `create unique index \`plan_item_plan_id_item_id_unique\` on \`plan_item\` (\`plan_id\`, \`item_id\`);`,
    );

    this.addSql(`alter table \`task\` add column \`plan_id\` text null;`);
    this.addSql(`create index \`task_plan_id_index\` on \`task\` (\`plan_id\`);`);
  }
}
