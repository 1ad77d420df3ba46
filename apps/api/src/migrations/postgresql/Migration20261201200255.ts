import { Migration } from '@mikro-orm/migrations';

const KEY = 'status, region, kind, risk_class, target_types';

/** Adds the signed counts of `rows` (a select of the key columns and `d`) to the cube, in key order. */
const apply = (rows: string) => `
    insert into target_cube (${KEY}, n)
      select ${KEY}, sum(d) from (${rows}) c group by ${KEY} having sum(d) <> 0 order by ${KEY}
      on conflict (${KEY}) do update set n = target_cube.n + excluded.n;
    delete from target_cube where n = 0;`;
const live = (table: string, sign: string) =>
  `select ${KEY}, ${sign} as d from ${table} where deleted_at is null`;

/**
 * `target_cube`: the live targets by status, region, kind, risk class and target types, kept exact by
 * statement-level triggers on `target` (one upsert per statement whatever the rows, in key order so that
 * two writers take its rows in the same order), and counted once from the registry.
 */
export class Migration20261201200255 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "target_cube" ("status" varchar(20) not null, "region" varchar(100) not null, "kind" varchar(20) not null, "risk_class" varchar(1) not null, "target_types" text not null, "n" int not null, constraint "target_cube_pkey" primary key ("status", "region", "kind", "risk_class", "target_types"));`,
    );
    this.addSql(`create index "target_cube_n_index" on "target_cube" ("n");`);
    // The index that counted the denominator before.
    this.addSql(`drop index "target_status_deleted_at_region_kind_risk_class_index";`);
    this.addSql(`create function target_cube_insert() returns trigger language plpgsql as $$ begin
      ${apply(live('new_rows', '1'))}
      return null; end $$;`);
    this.addSql(`create function target_cube_delete() returns trigger language plpgsql as $$ begin
      ${apply(live('old_rows', '-1'))}
      return null; end $$;`);
    this.addSql(`create function target_cube_update() returns trigger language plpgsql as $$ begin
      ${apply(`${live('old_rows', '-1')} union all ${live('new_rows', '1')}`)}
      return null; end $$;`);
    this.addSql(`create trigger target_cube_insert after insert on target referencing new table as new_rows
      for each statement execute function target_cube_insert();`);
    this.addSql(`create trigger target_cube_delete after delete on target referencing old table as old_rows
      for each statement execute function target_cube_delete();`);
    this.addSql(`create trigger target_cube_update after update on target
      referencing old table as old_rows new table as new_rows
      for each statement execute function target_cube_update();`);
    this.addSql(`insert into target_cube (${KEY}, n)
      select ${KEY}, count(*) from target where deleted_at is null group by ${KEY};`);
  }

  override async down(): Promise<void> {
    for (const op of ['insert', 'delete', 'update']) {
      this.addSql(`drop trigger target_cube_${op} on target;`);
      this.addSql(`drop function target_cube_${op}();`);
    }
    this.addSql(`drop table if exists "target_cube" cascade;`);
    this.addSql(
      `create index "target_status_deleted_at_region_kind_risk_class_index" on "target" ("status", "deleted_at", "region", "kind", "risk_class");`,
    );
  }
}
