import { Migration } from '@mikro-orm/migrations';

export class Migration20261201130902 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`item_result\` add column \`closed_on\` text null;`);
    this.addSql(
      `alter table \`item_result\` add column \`closure_outcome\` text check (\`closure_outcome\` in ('CORRECTED', 'PENALIZED', 'TRANSFERRED', 'NO_VIOLATION', 'OTHER')) null;`,
    );
    this.addSql(`alter table \`item_result\` add column \`closure_note\` text null;`);
    this.addSql(`alter table \`item_result\` add column \`closed_by_id\` text null;`);
    this.addSql(`alter table \`item_result\` add column \`closed_at\` datetime null;`);
    this.addSql(
      `create index \`item_result_item_id_closed_on_index\` on \`item_result\` (\`item_id\`, \`closed_on\`);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index \`item_result_item_id_closed_on_index\`;`);
    this.addSql(`alter table \`item_result\` drop column \`closed_at\`;`);
    this.addSql(`alter table \`item_result\` drop column \`closed_by_id\`;`);
    this.addSql(`alter table \`item_result\` drop column \`closure_note\`;`);
    this.addSql(`alter table \`item_result\` drop column \`closure_outcome\`;`);
    this.addSql(`alter table \`item_result\` drop column \`closed_on\`;`);
  }
}
