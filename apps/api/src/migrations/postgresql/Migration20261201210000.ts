import { Migration } from '@mikro-orm/migrations';

/** A draw's public entropy source, declared when it is scheduled (null for the draws scheduled before). */
export class Migration20261201210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "draw" add column "entropy_source" varchar(10) null, add column "entropy_issue" varchar(20) null, add column "entropy_published_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "draw" drop column "entropy_source", drop column "entropy_issue", drop column "entropy_published_at";`,
    );
  }
}
