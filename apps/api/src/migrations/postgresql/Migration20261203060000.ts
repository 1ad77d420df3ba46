import { Migration } from '@mikro-orm/migrations';

/**
 * The draw's large texts (the pool, its exclusions, the outcome) move out of its row into rows of their
 * own, as on SQLite (where a row is read up to the column asked for); stored out of line but uncompressed:
 * ids and hashes do not compress, and PostgreSQL's default tried on every draw and failed, which cost as
 * much as the write.
 */
export class Migration20261203060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "draw_text" ("draw_id" varchar(36) not null, "name" varchar(20) not null, "content" text not null, constraint "draw_text_pkey" primary key ("draw_id", "name"));`,
    );
    this.addSql(`alter table "draw_text" alter column "content" set storage external;`);
    this.addSql(
      `insert into "draw_text" ("draw_id", "name", "content") select "id", 'pool', "pool" from "draw" union all select "id", 'exclusions', "exclusions" from "draw" union all select "id", 'outcome', "outcome" from "draw" where "outcome" is not null;`,
    );
    this.addSql(`alter table "draw" drop column "pool", drop column "exclusions", drop column "outcome";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "draw" add column "pool" text not null default '', add column "exclusions" text not null default '[]', add column "outcome" text null;`,
    );
    this.addSql(
      `update "draw" d set "pool" = p."content" from "draw_text" p where p."draw_id" = d."id" and p."name" = 'pool';`,
    );
    this.addSql(
      `update "draw" d set "exclusions" = x."content" from "draw_text" x where x."draw_id" = d."id" and x."name" = 'exclusions';`,
    );
    this.addSql(
      `update "draw" d set "outcome" = o."content" from "draw_text" o where o."draw_id" = d."id" and o."name" = 'outcome';`,
    );
    this.addSql(`drop table if exists "draw_text";`);
  }
}
