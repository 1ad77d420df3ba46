import { Migration } from '@mikro-orm/migrations';

export class Migration20261201171357 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "coverage_fact_target_id_index";`);

    this.addSql(
      `create index "coverage_fact_target_id_department_key_item_key_drawn_on_index" on "coverage_fact" ("target_id", "department_key", "item_key", "drawn_on");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "coverage_fact_target_id_department_key_item_key_drawn_on_index";`);

    this.addSql(`create index "coverage_fact_target_id_index" on "coverage_fact" ("target_id");`);
  }
}
