import { Migration } from '@mikro-orm/migrations';

/**
 * The draw's large texts (the pool, its exclusions, the outcome) move out of its row into rows of their
 * own: SQLite reads a row up to the column asked for, so every lookup of a draw's later columns (a
 * visit's facts, once per visit of a run) walked the whole 40 MB pool.
 */
export class Migration20261203060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`draw_text\` (\`draw_id\` text not null, \`name\` text not null, \`content\` text not null, primary key (\`draw_id\`, \`name\`));`,
    );
    this.addSql(
      `insert into \`draw_text\` (\`draw_id\`, \`name\`, \`content\`) select \`id\`, 'pool', \`pool\` from \`draw\`;`,
    );
    this.addSql(
      `insert into \`draw_text\` (\`draw_id\`, \`name\`, \`content\`) select \`id\`, 'exclusions', \`exclusions\` from \`draw\`;`,
    );
    this.addSql(
      `insert into \`draw_text\` (\`draw_id\`, \`name\`, \`content\`) select \`id\`, 'outcome', \`outcome\` from \`draw\` where \`outcome\` is not null;`,
    );
    this.addSql(`alter table \`draw\` drop column \`pool\`;`);
    this.addSql(`alter table \`draw\` drop column \`exclusions\`;`);
    this.addSql(`alter table \`draw\` drop column \`outcome\`;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`draw\` add column \`pool\` text not null default '';`);
    this.addSql(`alter table \`draw\` add column \`exclusions\` text not null default '[]';`);
    this.addSql(`alter table \`draw\` add column \`outcome\` text null;`);
    this.addSql(
      `update \`draw\` set \`pool\` = coalesce((select \`content\` from \`draw_text\` where \`draw_id\` = \`draw\`.\`id\` and \`name\` = 'pool'), ''), \`exclusions\` = coalesce((select \`content\` from \`draw_text\` where \`draw_id\` = \`draw\`.\`id\` and \`name\` = 'exclusions'), '[]'), \`outcome\` = (select \`content\` from \`draw_text\` where \`draw_id\` = \`draw\`.\`id\` and \`name\` = 'outcome');`,
    );
    this.addSql(`drop table if exists \`draw_text\`;`);
  }
}
