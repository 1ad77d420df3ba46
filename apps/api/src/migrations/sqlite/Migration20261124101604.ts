import { Migration } from '@mikro-orm/migrations';

export class Migration20261124101604 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index \`inspection_task_id_state_index\` on \`inspection\` (\`task_id\`, \`state\`);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index \`inspection_task_id_state_index\`;`);
  }
}
