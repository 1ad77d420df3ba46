import { Migration } from '@mikro-orm/migrations';

export class Migration20261124065603 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`trail_entry\` (\`seq\` integer not null, \`at\` datetime not null, \`actor_id\` text null, \`action\` text not null, \`entity\` text not null, \`entity_id\` text not null, \`before\` text null, \`after\` text null, \`prev_hash\` text not null, \`hash\` text not null, primary key (\`seq\`));`,
    );
    this.addSql(`create index \`trail_entry_actor_id_index\` on \`trail_entry\` (\`actor_id\`);`);
    this.addSql(`create index \`trail_entry_entity_index\` on \`trail_entry\` (\`entity\`);`);
    this.addSql(`create index \`trail_entry_entity_id_index\` on \`trail_entry\` (\`entity_id\`);`);
  }
}
