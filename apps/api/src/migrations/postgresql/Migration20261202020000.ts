import { Migration } from '@mikro-orm/migrations';

/** Work lists: the inspections sorted by their publication deadline, nearest first, a page at a time. */
export class Migration20261202020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index "inspection_deadline_id_index" on "inspection" ("deadline", "id");');
  }

  override async down(): Promise<void> {
    this.addSql('drop index "inspection_deadline_id_index";');
  }
}
