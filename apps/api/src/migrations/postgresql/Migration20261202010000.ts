import { Migration } from '@mikro-orm/migrations';

/**
 * 公示: the public results sorted by the time published or the day inspected, a page at a time; the state
 * first, so that a page of the published ones never walks through the others (whose time is null).
 */
export class Migration20261202010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create index "inspection_state_published_at_id_index" on "inspection" ("state", "published_at", "id");',
    );
    this.addSql(
      'create index "inspection_state_inspected_on_id_index" on "inspection" ("state", "inspected_on", "id");',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index "inspection_state_inspected_on_id_index";');
    this.addSql('drop index "inspection_state_published_at_id_index";');
  }
}
