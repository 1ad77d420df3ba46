import { Migration } from '@mikro-orm/migrations';

export class Migration20261124065604 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "trail_entry" ("seq" int not null, "at" timestamptz not null, "actor_id" varchar(36) null, "action" varchar(32) not null, "entity" varchar(64) not null, "entity_id" varchar(64) not null, "before" text null, "after" text null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "trail_entry_pkey" primary key ("seq"));`,
    );
    this.addSql(`create index "trail_entry_actor_id_index" on "trail_entry" ("actor_id");`);
    this.addSql(`create index "trail_entry_entity_index" on "trail_entry" ("entity");`);
    this.addSql(`create index "trail_entry_entity_id_index" on "trail_entry" ("entity_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trail_entry" cascade;`);
  }
}
