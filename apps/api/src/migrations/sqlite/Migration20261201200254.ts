import { Migration } from '@mikro-orm/migrations';

const KEY = 'status, region, kind, risk_class, target_types';
const of = (row: 'new' | 'old') =>
  KEY.split(', ')
    .map((c) => `${row}.${c}`)
    .join(', ');
const at = (row: 'new' | 'old') =>
  KEY.split(', ')
    .map((c) => `${c} = ${row}.${c}`)
    .join(' and ');
const changed = KEY.split(', ')
  .map((c) => `old.${c} <> new.${c}`)
  .join(' or ');
const putIn = `insert into target_cube (${KEY}, n) select ${of('new')}, 1 where new.deleted_at is null
      on conflict (${KEY}) do update set n = n + 1;`;
const takeOut = `update target_cube set n = n - 1 where old.deleted_at is null and ${at('old')};
      delete from target_cube where n = 0;`;

/**
 * `target_cube`: the live targets by status, region, kind, risk class and target types, kept exact by
 * triggers on `target` (a row's update only when it changes a counted column or whether the target is
 * deleted), and counted once from the registry.
 */
export class Migration20261201200254 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`target_cube\` (\`status\` text not null, \`region\` text not null, \`kind\` text not null, \`risk_class\` text not null, \`target_types\` text not null, \`n\` integer not null, primary key (\`status\`, \`region\`, \`kind\`, \`risk_class\`, \`target_types\`));`,
    );
    this.addSql(`create index \`target_cube_n_index\` on \`target_cube\` (\`n\`);`);
    // The index that counted the denominator before.
    this.addSql(`drop index \`target_status_deleted_at_region_kind_risk_class_index\`;`);
    this.addSql(`create trigger target_cube_insert after insert on target begin
      ${putIn}
    end;`);
    this.addSql(`create trigger target_cube_delete after delete on target begin
      ${takeOut}
    end;`);
    this.addSql(`create trigger target_cube_update after update on target
      when (old.deleted_at is null) <> (new.deleted_at is null) or (new.deleted_at is null and (${changed}))
    begin
      ${takeOut}
      ${putIn}
    end;`);
    this.addSql(`insert into target_cube (${KEY}, n)
      select ${KEY}, count(*) from target where deleted_at is null group by ${KEY};`);
  }

  override async down(): Promise<void> {
    for (const op of ['insert', 'delete', 'update']) this.addSql(`drop trigger target_cube_${op};`);
    this.addSql('drop table if exists `target_cube`;');
    this.addSql(
      `create index \`target_status_deleted_at_region_kind_risk_class_index\` on \`target\` (\`status\`, \`deleted_at\`, \`region\`, \`kind\`, \`risk_class\`);`,
    );
  }
}
