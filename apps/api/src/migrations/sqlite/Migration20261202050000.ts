import { Migration } from '@mikro-orm/migrations';

/**
 * The items of `${row}.tags` (",a,b," text) as the rows `value` of a JSON array: the list quoted as one
 * JSON string (its quotes, backslashes and control characters escaped, none of which holds a comma), then
 * cut at its commas.
 */
const tagsOf = (row: string) =>
  `json_each(case when ${row}.tags = '' then '[]' else '[' || replace(json_quote(trim(${row}.tags, ',')), ',', '","') || ']' end)`;
const putIn = `insert into target_tag (target_id, tag)
      select distinct new.id, value from ${tagsOf('new')} where value <> '';`;
const takeOut = `delete from target_tag where target_id = old.id;`;

/**
 * The list filters of tasks, draws and the registry over indexes: tasks by year (and draws by their
 * task's year); targets by kind, risk class and the abnormal mark, each with the list's order by name;
 * and `target_tag`, a target's tags one row each, kept exact by triggers on `target` and filled once
 * from the registry, for "has this tag".
 */
export class Migration20261202050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index `task_year_index` on `task` (`year`);');
    this.addSql('create index `target_kind_name_index` on `target` (`kind`, `name`);');
    this.addSql('create index `target_risk_class_name_index` on `target` (`risk_class`, `name`);');
    this.addSql('create index `target_abnormal_name_index` on `target` (`abnormal`, `name`);');
    this.addSql(
      'create table `target_tag` (`target_id` text not null, `tag` text not null, primary key (`target_id`, `tag`));',
    );
    this.addSql('create index `target_tag_tag_target_id_index` on `target_tag` (`tag`, `target_id`);');
    this.addSql(`create trigger target_tag_insert after insert on target begin
      ${putIn}
    end;`);
    this.addSql(`create trigger target_tag_delete after delete on target begin
      ${takeOut}
    end;`);
    this.addSql(`create trigger target_tag_update after update of tags on target when old.tags <> new.tags
    begin
      ${takeOut}
      ${putIn}
    end;`);
    this.addSql(`insert into target_tag (target_id, tag)
      select distinct t.id, j.value from target t join ${tagsOf('t')} j where j.value <> '';`);
  }

  override async down(): Promise<void> {
    for (const op of ['insert', 'delete', 'update']) this.addSql(`drop trigger target_tag_${op};`);
    this.addSql('drop table if exists `target_tag`;');
    this.addSql('drop index `target_abnormal_name_index`;');
    this.addSql('drop index `target_risk_class_name_index`;');
    this.addSql('drop index `target_kind_name_index`;');
    this.addSql('drop index `task_year_index`;');
  }
}
