import { Migration } from '@mikro-orm/migrations';

export class Migration20261124094316 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index \`inspection_created_at_id_index\` on \`inspection\` (\`created_at\`, \`id\`);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index \`inspection_created_at_id_index\`;`);
  }
}
