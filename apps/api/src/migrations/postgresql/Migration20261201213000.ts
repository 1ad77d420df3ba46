import { Migration } from '@mikro-orm/migrations';

/**
 * Partial-name search at a province's scale: trigram indexes (pg_trgm, a trusted extension shipped with
 * PostgreSQL) on the target's name and credit code, which `ILIKE '%…%'` uses for three characters or
 * more. The entities cannot describe them (`TRIGRAM_INDEXES` in the migration test names them).
 */
export class Migration20261201213000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create index "target_name_trgm_index" on "target" using gin ("name" gin_trgm_ops);`);
    this.addSql(
      `create index "target_credit_code_trgm_index" on "target" using gin ("credit_code" gin_trgm_ops);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "target_credit_code_trgm_index";`);
    this.addSql(`drop index "target_name_trgm_index";`);
  }
}
