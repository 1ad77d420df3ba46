import { Migration } from '@mikro-orm/migrations';

export class Migration20261124060633 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`department\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted_at\` datetime null, \`name\` text not null, \`code\` text not null, \`kind\` text check (\`kind\` in ('DEPARTMENT', 'SECTION', 'STATION')) not null default 'DEPARTMENT', \`parent_id\` text null, constraint \`department_parent_id_foreign\` foreign key(\`parent_id\`) references \`department\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`department_code_unique\` on \`department\` (\`code\`);`);
    this.addSql(`create index \`department_parent_id_index\` on \`department\` (\`parent_id\`);`);

    this.addSql(
      `create table \`inspection_item\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted_at\` datetime null, \`year\` integer not null, \`department_id\` text not null, \`seq\` integer not null, \`name\` text not null, \`legal_basis\` text not null, \`inspecting_body\` text not null, \`category\` text check (\`category\` in ('GENERAL', 'KEY')) not null default 'GENERAL', \`target_type\` text not null, \`min_ratio_bp\` integer not null, \`times_per_year\` integer not null default 1, \`methods\` text not null, \`remarks\` text null, constraint \`inspection_item_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`inspection_item_year_index\` on \`inspection_item\` (\`year\`);`);
    this.addSql(
      `create index \`inspection_item_department_id_index\` on \`inspection_item\` (\`department_id\`);`,
    );
    this.addSql(
      `create unique index \`inspection_item_year_department_id_name_unique\` on \`inspection_item\` (\`year\`, \`department_id\`, \`name\`);`,
    );

    this.addSql(
      `create table \`target\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted_at\` datetime null, \`name\` text not null, \`credit_code\` text not null, \`kind\` text check (\`kind\` in ('ENTERPRISE', 'UNIT', 'INDIVIDUAL', 'PROJECT')) not null default 'ENTERPRISE', \`legal_representative\` text not null default '', \`address\` text not null default '', \`region\` text not null default '', \`contact\` text not null default '', \`tags\` text not null, \`risk_class\` text check (\`risk_class\` in ('A', 'B', 'C', 'D')) not null default 'B', \`status\` text check (\`status\` in ('ACTIVE', 'SUSPENDED', 'DEREGISTERED')) not null default 'ACTIVE', \`target_types\` text not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`target_name_index\` on \`target\` (\`name\`);`);
    this.addSql(`create unique index \`target_credit_code_unique\` on \`target\` (\`credit_code\`);`);
    this.addSql(`create index \`target_region_index\` on \`target\` (\`region\`);`);

    this.addSql(
      `create table \`app_user\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted_at\` datetime null, \`username\` text not null, \`display_name\` text not null, \`password_hash\` text not null, \`role\` text check (\`role\` in ('ADMIN', 'COORDINATOR', 'INSPECTOR', 'MANAGER')) not null, \`department_id\` text not null, \`active\` integer not null default true, constraint \`app_user_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`app_user_username_unique\` on \`app_user\` (\`username\`);`);
    this.addSql(`create index \`app_user_department_id_index\` on \`app_user\` (\`department_id\`);`);

    this.addSql(
      `create table \`inspector\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted_at\` datetime null, \`name\` text not null, \`department_id\` text not null, \`certificate_number\` text not null, \`certificate_valid_from\` text not null, \`certificate_valid_until\` text not null, \`expertise\` text not null, \`status\` text check (\`status\` in ('ON_DUTY', 'ON_LEAVE', 'TRANSFERRED')) not null default 'ON_DUTY', \`phone\` text null, \`user_id\` text null, constraint \`inspector_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on update cascade, constraint \`inspector_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`inspector_name_index\` on \`inspector\` (\`name\`);`);
    this.addSql(`create index \`inspector_department_id_index\` on \`inspector\` (\`department_id\`);`);
    this.addSql(
      `create unique index \`inspector_certificate_number_unique\` on \`inspector\` (\`certificate_number\`);`,
    );
    this.addSql(`create index \`inspector_user_id_index\` on \`inspector\` (\`user_id\`);`);

    this.addSql(
      `create table \`conflict\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted_at\` datetime null, \`inspector_id\` text not null, \`target_id\` text not null, \`reason\` text not null, constraint \`conflict_inspector_id_foreign\` foreign key(\`inspector_id\`) references \`inspector\`(\`id\`) on update cascade, constraint \`conflict_target_id_foreign\` foreign key(\`target_id\`) references \`target\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`conflict_inspector_id_index\` on \`conflict\` (\`inspector_id\`);`);
    this.addSql(`create index \`conflict_target_id_index\` on \`conflict\` (\`target_id\`);`);
    this.addSql(
      `create unique index \`conflict_inspector_id_target_id_unique\` on \`conflict\` (\`inspector_id\`, \`target_id\`);`,
    );
  }
}
