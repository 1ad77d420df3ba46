import { Migration } from '@mikro-orm/migrations';

export class Migration20261124074231 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "inspection" add column "result_category" text check ("result_category" in ('NO_PROBLEM', 'PROBLEM_PENDING', 'PROBLEM_CORRECTED', 'NOT_DISCLOSED', 'FALSIFIED', 'UNREACHABLE', 'NO_SUCH_ACTIVITY', 'CLOSED', 'UNCOOPERATIVE', 'DEREGISTERED')) null, add column "findings" text null, add column "methods_used" text not null default '', add column "inspected_on" varchar(10) null, add column "follow_up" text check ("follow_up" in ('NONE', 'ORDERED_TO_CORRECT', 'CASE_FILED', 'TRANSFERRED', 'COPIED')) null, add column "entered_by_id" varchar(36) null, add column "entered_at" timestamptz null, add column "review_comment" text null, add column "reviewed_by_id" varchar(36) null, add column "published_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "inspection" drop column "result_category", drop column "findings", drop column "methods_used", drop column "inspected_on", drop column "follow_up", drop column "entered_by_id", drop column "entered_at", drop column "review_comment", drop column "reviewed_by_id", drop column "published_at";`,
    );
  }
}
