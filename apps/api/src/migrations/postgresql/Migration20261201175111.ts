import { Migration } from '@mikro-orm/migrations';

export class Migration20261201175111 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "target_status_deleted_at_region_kind_risk_class_index" on "target" ("status", "deleted_at", "region", "kind", "risk_class");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "target_status_deleted_at_region_kind_risk_class_index";`);
  }
}
