import { Migration } from '@mikro-orm/migrations';

export class Migration20261124093000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`attachment\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`inspection_id\` text not null, \`file_name\` text not null, \`mime_type\` text not null, \`size\` integer not null, \`sha256\` text not null, \`uploaded_by_id\` text not null, \`content\` blob not null, constraint \`attachment_inspection_id_foreign\` foreign key(\`inspection_id\`) references \`inspection\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`attachment_inspection_id_index\` on \`attachment\` (\`inspection_id\`);`);
    this.addSql(
      `create index \`attachment_inspection_id_created_at_index\` on \`attachment\` (\`inspection_id\`, \`created_at\`);`,
    );
  }
}
