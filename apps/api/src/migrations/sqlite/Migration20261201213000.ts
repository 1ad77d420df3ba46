import { Migration } from '@mikro-orm/migrations';

/**
 * Partial-name search at a province's scale: `target_search`, an FTS5 index with the trigram tokenizer
 * over the target's name and credit code (external content: the rows of `target`, by rowid), kept by
 * triggers in the statement's own transaction and built once from the registry. `db/search.ts` queries
 * it. `target` has no INTEGER PRIMARY KEY, so a VACUUM may renumber its rowids: run
 * `insert into target_search(target_search) values ('rebuild')` after one.
 */
export class Migration20261201213000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create virtual table target_search using fts5(name, credit_code, content='target', content_rowid='rowid', tokenize='trigram');`,
    );
    this.addSql(`create trigger target_search_insert after insert on target begin
      insert into target_search(rowid, name, credit_code) values (new.rowid, new.name, new.credit_code);
    end;`);
    this.addSql(`create trigger target_search_delete after delete on target begin
      insert into target_search(target_search, rowid, name, credit_code) values ('delete', old.rowid, old.name, old.credit_code);
    end;`);
    this.addSql(`create trigger target_search_update after update of name, credit_code on target begin
      insert into target_search(target_search, rowid, name, credit_code) values ('delete', old.rowid, old.name, old.credit_code);
      insert into target_search(rowid, name, credit_code) values (new.rowid, new.name, new.credit_code);
    end;`);
    this.addSql(`insert into target_search(target_search) values ('rebuild');`);
  }

  override async down(): Promise<void> {
    for (const op of ['insert', 'delete', 'update']) this.addSql(`drop trigger target_search_${op};`);
    this.addSql('drop table target_search;');
  }
}
