import { Migration } from '@mikro-orm/migrations';

export class Migration20261124065236 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "inspection_item" add column "risk_ratios" jsonb not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inspection_item" drop column "risk_ratios";`);
  }
}
