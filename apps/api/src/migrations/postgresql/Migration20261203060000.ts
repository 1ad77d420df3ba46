import { Migration } from '@mikro-orm/migrations';

/**
 * The draw's large texts (the pool, its exclusions, the outcome) are stored out of line but uncompressed:
 * their ids and hashes do not compress, and PostgreSQL's default tried on every draw and failed, which
 * cost as much as the write. (SQLite never compresses.)
 */
export class Migration20261203060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table "draw" alter column "pool" set storage external, alter column "exclusions" set storage external, alter column "outcome" set storage external;',
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      'alter table "draw" alter column "pool" set storage extended, alter column "exclusions" set storage extended, alter column "outcome" set storage extended;',
    );
  }
}
