import { Migration } from '@mikro-orm/migrations';

export class Migration20261124074231 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table \`inspection\` add column \`result_category\` text check (\`result_category\` in ('NO_PROBLEM', 'PROBLEM_PENDING', 'PROBLEM_CORRECTED', 'NOT_DISCLOSED', 'FALSIFIED', 'UNREACHABLE', 'NO_SUCH_ACTIVITY', 'CLOSED', 'UNCOOPERATIVE', 'DEREGISTERED')) null;`,
    );
    this.addSql(`alter table \`inspection\` add column \`findings\` text null;`);
    this.addSql(`alter table \`inspection\` add column \`methods_used\` text not null default '';`);
    this.addSql(`alter table \`inspection\` add column \`inspected_on\` text null;`);
    this.addSql(
      `alter table \`inspection\` add column \`follow_up\` text check (\`follow_up\` in ('NONE', 'ORDERED_TO_CORRECT', 'CASE_FILED', 'TRANSFERRED', 'COPIED')) null;`,
    );
    this.addSql(`alter table \`inspection\` add column \`entered_by_id\` text null;`);
    this.addSql(`alter table \`inspection\` add column \`entered_at\` datetime null;`);
    this.addSql(`alter table \`inspection\` add column \`review_comment\` text null;`);
    this.addSql(`alter table \`inspection\` add column \`reviewed_by_id\` text null;`);
    this.addSql(`alter table \`inspection\` add column \`published_at\` datetime null;`);
  }
}
