import { Migration } from '@mikro-orm/migrations';

export class Migration20261124105123 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "draw" add column "item_ids" text not null default '';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "draw" drop column "item_ids";`);
  }
}
