import { Migration } from '@mikro-orm/migrations';

export class Migration20261201130903 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "item_result" add column "closed_on" varchar(10) null, add column "closure_outcome" text check ("closure_outcome" in ('CORRECTED', 'PENALIZED', 'TRANSFERRED', 'NO_VIOLATION', 'OTHER')) null, add column "closure_note" text null, add column "closed_by_id" varchar(36) null, add column "closed_at" timestamptz null;`,
    );
    this.addSql(
      `create index "item_result_item_id_closed_on_index" on "item_result" ("item_id", "closed_on");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "item_result_item_id_closed_on_index";`);
    this.addSql(
      `alter table "item_result" drop column "closed_on", drop column "closure_outcome", drop column "closure_note", drop column "closed_by_id", drop column "closed_at";`,
    );
  }
}
