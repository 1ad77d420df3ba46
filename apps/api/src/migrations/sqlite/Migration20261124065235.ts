import { Migration } from '@mikro-orm/migrations';

export class Migration20261124065235 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`inspection_item\` add column \`risk_ratios\` json not null default '{}';`);
  }
}
