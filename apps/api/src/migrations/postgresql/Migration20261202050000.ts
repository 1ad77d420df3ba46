import { Migration } from '@mikro-orm/migrations';

/** The rows `(id, tag)` of the targets in `table` (a transition table or `target`), each tag once. */
const tagRows = (table: string, where = 'true') => `
    select distinct r.id, t.tag from ${table} r
      cross join lateral unnest(string_to_array(nullif(trim(both ',' from r.tags), ''), ',')) as t(tag)
      where t.tag <> '' and ${where}`;
/** The targets of an update whose tags changed. */
const changed = `(select n.id from new_rows n join old_rows o on o.id = n.id where n.tags is distinct from o.tags)`;

/**
 * The list filters of tasks, draws and the registry over indexes: tasks by year (and draws by their
 * task's year); targets by kind, risk class and the abnormal mark, each with the list's order by name;
 * and `target_tag`, a target's tags one row each, kept exact by statement-level triggers on `target`
 * (one statement per write whatever the rows) and filled once from the registry, for "has this tag".
 */
export class Migration20261202050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index "task_year_index" on "task" ("year");');
    this.addSql('create index "target_kind_name_index" on "target" ("kind", "name");');
    this.addSql('create index "target_risk_class_name_index" on "target" ("risk_class", "name");');
    this.addSql('create index "target_abnormal_name_index" on "target" ("abnormal", "name");');
    this.addSql(
      'create table "target_tag" ("target_id" varchar(36) not null, "tag" text not null, constraint "target_tag_pkey" primary key ("target_id", "tag"));',
    );
    this.addSql('create index "target_tag_tag_target_id_index" on "target_tag" ("tag", "target_id");');
    this.addSql(`create function target_tag_insert() returns trigger language plpgsql as $$ begin
      insert into target_tag (target_id, tag) ${tagRows('new_rows')};
      return null; end $$;`);
    this.addSql(`create function target_tag_delete() returns trigger language plpgsql as $$ begin
      delete from target_tag where target_id in (select id from old_rows);
      return null; end $$;`);
    this.addSql(`create function target_tag_update() returns trigger language plpgsql as $$ begin
      delete from target_tag where target_id in (select id from old_rows where id in ${changed});
      insert into target_tag (target_id, tag) ${tagRows('new_rows', `r.id in ${changed}`)};
      return null; end $$;`);
    this.addSql(`create trigger target_tag_insert after insert on target referencing new table as new_rows
      for each statement execute function target_tag_insert();`);
    this.addSql(`create trigger target_tag_delete after delete on target referencing old table as old_rows
      for each statement execute function target_tag_delete();`);
    this.addSql(`create trigger target_tag_update after update on target
      referencing old table as old_rows new table as new_rows
      for each statement execute function target_tag_update();`);
    this.addSql(`insert into target_tag (target_id, tag) ${tagRows('target')};`);
  }

  override async down(): Promise<void> {
    for (const op of ['insert', 'delete', 'update']) {
      this.addSql(`drop trigger target_tag_${op} on target;`);
      this.addSql(`drop function target_tag_${op}();`);
    }
    this.addSql('drop table if exists "target_tag" cascade;');
    this.addSql('drop index "target_abnormal_name_index";');
    this.addSql('drop index "target_risk_class_name_index";');
    this.addSql('drop index "target_kind_name_index";');
    this.addSql('drop index "task_year_index";');
  }
}
