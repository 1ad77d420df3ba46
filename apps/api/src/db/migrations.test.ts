import { MikroORM } from '@mikro-orm/core';
import { publicationDeadline } from '@suiji/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDb } from '../test/harness.js';
import { openDatabase, ormOptions } from './orm.js';

/**
 * The schema as SQLite keeps it, without the triggers and the search index `target_search` (the entities
 * describe neither; the summaries' and the search's tests check what they do); a table rebuilt and
 * renamed has its name quoted differently, no more.
 */
const sqliteSchema = async (orm: MikroORM) =>
  (
    await orm.em
      .getConnection()
      .execute<{ type: string; name: string; tbl_name: string; sql: string }[]>(
        "select type, name, tbl_name, sql from sqlite_master where name not like 'mikro_orm%' and name not like 'sqlite_%' and name not like 'target_search%' and type <> 'trigger' order by name",
      )
  ).map((row: { type: string; name: string; tbl_name: string; sql: string }) => ({
    ...row,
    sql: row.sql.replace(/^CREATE TABLE "(\w+)"/, 'CREATE TABLE `$1`'),
  }));

/** Indexes the migrations make that the entities cannot describe (pg_trgm's GIN), so the diff would drop. */
const TRIGRAM_INDEXES = ['target_name_trgm_index', 'target_credit_code_trgm_index'];
const withoutTrigramDrops = (diff: string) =>
  diff
    .split('\n')
    .filter((line) => !TRIGRAM_INDEXES.some((name) => line.trim() === `drop index "${name}";`))
    .join('\n')
    .trim();

describe('migrations', () => {
  const opened: MikroORM[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const orm of opened) await orm.close(true);
    await drop?.();
  });

  it('build exactly the schema the entities describe (run `pnpm --filter @suiji/api migration:create` after changing an entity)', async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    const migrated = await openDatabase(fresh.database);
    opened.push(migrated);
    if (testDb() === 'postgresql') {
      const diff = await migrated.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(withoutTrigramDrops(diff)).toBe('');
      const indexes = await migrated.em
        .getConnection()
        .execute<{ indexname: string }[]>("select indexname from pg_indexes where tablename = 'target'");
      for (const name of TRIGRAM_INDEXES)
        expect(indexes.map((i: { indexname: string }) => i.indexname)).toContain(name);
      const triggers = await migrated.em
        .getConnection()
        .execute<{ tgname: string }[]>(
          'select tgname from pg_trigger where not tgisinternal order by tgname',
        );
      expect(triggers.map((t: { tgname: string }) => t.tgname)).toEqual(
        ['target_cube', 'target_tag'].flatMap((p) =>
          ['delete', 'insert', 'update'].map((op) => `${p}_${op}`),
        ),
      );
    } else {
      // MikroORM's SQLite diff always proposes to rebuild tables, so compare with a schema built
      // straight from the entities instead.
      const direct = await MikroORM.init(ormOptions({ kind: 'sqlite', path: ':memory:' }));
      opened.push(direct);
      await direct.getSchemaGenerator().createSchema();
      expect(await sqliteSchema(migrated)).toEqual(await sqliteSchema(direct));
      // What the comparison leaves out is there: the summaries', the search's and the tags' triggers, and a
      // sound index.
      const triggers = await migrated.em
        .getConnection()
        .execute<{ name: string }[]>("select name from sqlite_master where type = 'trigger' order by name");
      expect(triggers.map((t: { name: string }) => t.name)).toEqual(
        ['target_cube', 'target_search', 'target_tag'].flatMap((p) =>
          ['delete', 'insert', 'update'].map((op) => `${p}_${op}`),
        ),
      );
      await migrated.em
        .getConnection()
        .execute("insert into target_search(target_search) values ('integrity-check')");
    }
  });
});

describe('the migration to one draw per task', () => {
  let orm: MikroORM | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await orm?.close(true);
    await drop?.();
  });

  it('keeps the inspections and results of the version with one draw per task item', async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    orm = await MikroORM.init(ormOptions(fresh.database));
    await orm.getMigrator().up({ to: 'Migration20261124074231' });
    const sql = (query: string) => orm!.em.getConnection().execute(query);
    const at = `'2026-06-01T00:00:00.000Z'`;
    await sql(
      `insert into department (id, created_at, updated_at, name, code, kind) values ('dep', ${at}, ${at}, '局', 'D', 'DEPARTMENT')`,
    );
    await sql(
      `insert into app_user (id, created_at, updated_at, username, display_name, password_hash, role, department_id, active) values ('usr', ${at}, ${at}, 'u', 'u', 'x', 'COORDINATOR', 'dep', true)`,
    );
    await sql(
      `insert into inspection_item (id, created_at, updated_at, year, department_id, seq, name, legal_basis, inspecting_body, category, target_type, min_ratio_bp, risk_ratios, times_per_year, methods, remarks)
       values ('itm', ${at}, ${at}, 2026, 'dep', 1, '事项', '依据', '主体', 'GENERAL', '企业', 1000, '{}', 1, ',ON_SITE,', '')`,
    );
    await sql(
      `insert into task (id, created_at, updated_at, name, year, department_id, cooperating_department_ids, scope, regions, tags, risk_classes, target_kinds, window_start, window_end, team_size)
       values ('tsk', ${at}, ${at}, '任务', 2026, 'dep', '', 'UNDIRECTED', '', '', '', '', '2026-06-01', '2026-06-30', 2)`,
    );
    await sql(
      `insert into target (id, created_at, updated_at, name, credit_code, kind, tags, risk_class, status, target_types) values ('tgt', ${at}, ${at}, '对象', '91410481MA00000000', 'ENTERPRISE', '', 'B', 'ACTIVE', ',企业,')`,
    );
    await sql(
      `insert into draw (id, created_at, updated_at, task_id, item_id, status, run_after, scheduled_by_id, nonce, commitment, pool_digest, pool_size, pool, exclusions, excluded_count, ratios, team, inspectors, conflicts, roster_size)
       values ('drw', ${at}, ${at}, 'tsk', 'itm', 'DRAWN', ${at}, 'usr', 'n', 'c', 'p', 1, 'tgt\tB\n', '[]', 0, '{}', '{}', '[]', '[]', 2)`,
    );
    await sql(
      `insert into inspection (id, created_at, updated_at, draw_id, task_id, target_id, team_ids, state, result_category, findings, methods_used, inspected_on, follow_up)
       values ('ins', ${at}, ${at}, 'drw', 'tsk', 'tgt', ',a,b,', 'PUBLISHED', 'FALSIFIED', '弄虚作假', ',ON_SITE,', '2026-06-10', 'CASE_FILED')`,
    );
    await orm.getMigrator().up();
    const [inspection] = await sql(`select item_ids, state, methods_used from inspection where id = 'ins'`);
    expect(inspection).toEqual({ item_ids: ',itm,', state: 'PUBLISHED', methods_used: ',ON_SITE,' });
    const results = await sql(
      `select inspection_id, item_id, category, findings, follow_up from item_result`,
    );
    expect(results).toEqual([
      {
        inspection_id: 'ins',
        item_id: 'itm',
        category: 'FALSIFIED',
        findings: '弄虚作假',
        follow_up: 'CASE_FILED',
      },
    ]);
    const [draw] = await sql(`select task_id, status from draw where id = 'drw'`);
    expect(draw).toEqual({ task_id: 'tsk', status: 'DRAWN' });
    // Its large texts, byte for byte, in rows of their own.
    expect(await sql(`select name, content from draw_text where draw_id = 'drw' order by name`)).toEqual([
      { name: 'exclusions', content: '[]' },
      { name: 'pool', content: 'tgt\tB\n' },
    ]);
    expect((await sql('select code from result_category')).length).toBe(10);
  });
});

describe('the migration to rows and visit facts', () => {
  let orm: MikroORM | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await orm?.close(true);
    await drop?.();
  });

  it("turns the lists into rows and backfills the facts of the visits' results", async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    orm = await MikroORM.init(ormOptions(fresh.database));
    const before = testDb() === 'postgresql' ? 'Migration20261201110759' : 'Migration20261201110758';
    await orm.getMigrator().up({ to: before });
    const sql = (query: string) => orm!.em.getConnection().execute(query);
    const at = `'2026-03-31T17:00:00.000Z'`;
    await sql(
      `insert into department (id, created_at, updated_at, name, code, kind) values ('dep', ${at}, ${at}, '局', 'D', 'DEPARTMENT'), ('dep2', ${at}, ${at}, '市场局', 'M', 'DEPARTMENT')`,
    );
    await sql(
      `insert into app_user (id, created_at, updated_at, username, display_name, password_hash, role, department_id, active) values ('usr', ${at}, ${at}, 'u', 'u', 'x', 'COORDINATOR', 'dep', true)`,
    );
    for (const [id, name] of [
      ['itm1', '土地'],
      ['itm2', '矿山'],
    ])
      await sql(
        `insert into inspection_item (id, created_at, updated_at, year, department_id, seq, name, legal_basis, inspecting_body, category, target_type, min_ratio_bp, times_per_year, methods, remarks)
         values ('${id}', ${at}, ${at}, 2026, 'dep', 1, '${name}', '依据', '主体', 'GENERAL', '企业', 1000, 1, ',ON_SITE,', '')`,
      );
    await sql(
      `insert into task (id, created_at, updated_at, name, year, department_id, cooperating_department_ids, scope, regions, tags, risk_classes, target_kinds, window_start, window_end, team_size)
       values ('tsk', ${at}, ${at}, '联合任务', 2026, 'dep', ',dep2,', 'UNDIRECTED', '', '', '', '', '2026-03-01', '2026-03-31', 2)`,
    );
    await sql(
      `insert into target (id, created_at, updated_at, name, credit_code, kind, tags, risk_class, status, target_types, region) values ('tgt', ${at}, ${at}, '对象', '91410481MA00000000', 'ENTERPRISE', '', 'B', 'ACTIVE', ',企业,', '尹集镇')`,
    );
    await sql(
      `insert into draw (id, created_at, updated_at, task_id, status, run_after, scheduled_by_id, nonce, commitment, pool_digest, pool_size, pool, exclusions, excluded_count, ratios, team, inspectors, conflicts, roster_size, ran_at, selected_count, item_ids)
       values ('drw', ${at}, ${at}, 'tsk', 'DRAWN', ${at}, 'usr', 'n', 'c', 'p', 1, 'tgt\tB\n', '[]', 0, '{}', '{}', '[]', '[]', 2, ${at}, 1, ',itm1,itm2,')`,
    );
    await sql(
      `insert into inspection (id, created_at, updated_at, draw_id, task_id, target_id, team_ids, item_ids, state, methods_used, inspected_on, published_at)
       values ('ins', ${at}, ${at}, 'drw', 'tsk', 'tgt', ',a,b,', ',itm1,itm2,', 'PUBLISHED', ',ON_SITE,', '2026-04-02', '2026-04-09T16:30:00.000Z')`,
    );
    await sql(
      `insert into item_result (id, created_at, updated_at, inspection_id, item_id, category, findings, follow_up)
       values ('r1', ${at}, ${at}, 'ins', 'itm1', 'PROBLEM_CORRECTED', null, 'ORDERED_TO_CORRECT'), ('r2', ${at}, ${at}, 'ins', 'itm2', 'NO_PROBLEM', null, 'NONE')`,
    );
    await orm.getMigrator().up();
    const bool = (v: unknown) => v === true || v === 1;
    expect(
      (await sql('select department_id, initiating from task_department order by department_id')).map(
        (r: { department_id: string; initiating: unknown }) => [r.department_id, bool(r.initiating)],
      ),
    ).toEqual([
      ['dep', true],
      ['dep2', false],
    ]);
    expect(await sql('select inspector_id, drawn_on from inspection_member order by inspector_id')).toEqual([
      { inspector_id: 'a', drawn_on: '2026-04-01' },
      { inspector_id: 'b', drawn_on: '2026-04-01' },
    ]);
    const [facts] = await sql(
      'select drawn_on, initiating_department_id, joint, region, target_kind, risk_class, deadline, published_on, problem, closed, saved from inspection',
    );
    expect({
      ...facts,
      joint: bool(facts.joint),
      problem: bool(facts.problem),
      closed: bool(facts.closed),
    }).toEqual({
      drawn_on: '2026-04-01',
      initiating_department_id: 'dep',
      joint: true,
      region: '尹集镇',
      target_kind: 'ENTERPRISE',
      risk_class: 'B',
      deadline: publicationDeadline('2026-03-31'),
      published_on: '2026-04-10',
      problem: true,
      closed: false,
      saved: 1,
    });
    expect(
      (await sql('select item_id, category, follow_up, problem, state from visit_item order by item_id')).map(
        (r: Record<string, unknown>) => ({ ...r, problem: bool(r.problem) }),
      ),
    ).toEqual([
      {
        item_id: 'itm1',
        category: 'PROBLEM_CORRECTED',
        follow_up: 'ORDERED_TO_CORRECT',
        problem: true,
        state: 'PUBLISHED',
      },
      { item_id: 'itm2', category: 'NO_PROBLEM', follow_up: 'NONE', problem: false, state: 'PUBLISHED' },
    ]);
    expect(await sql('select item_id, pool_size, drawn, drawn_on from draw_item order by item_id')).toEqual([
      { item_id: 'itm1', pool_size: 1, drawn: 1, drawn_on: '2026-04-01' },
      { item_id: 'itm2', pool_size: 1, drawn: 1, drawn_on: '2026-04-01' },
    ]);
    // Entered: counted in every set (all departments, each of the two; any item, each of the two).
    expect((await sql('select department_key, item_key from coverage_fact')).length).toBe(9);
  });
});

describe("the statistics' migrations", () => {
  let orm: MikroORM | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await orm?.close(true);
    await drop?.();
  });

  it('go down to before the statistics and up again, to the schema the entities describe', async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    orm = await MikroORM.init(ormOptions(fresh.database));
    const migrator = orm.getMigrator();
    await migrator.up();
    const statistics = testDb() === 'postgresql' ? 'Migration20261201130903' : 'Migration20261201130902';
    await migrator.down({ to: statistics });
    const tables = async () =>
      (
        await orm!.em
          .getConnection()
          .execute<{ name: string }[]>(
            testDb() === 'postgresql'
              ? "select table_name as name from information_schema.tables where table_schema = 'public'"
              : "select name from sqlite_master where type = 'table'",
          )
      ).map((t: { name: string }) => t.name);
    expect(await tables()).not.toContain('visit_item');
    expect(await tables()).not.toContain('visit_cube');
    expect(await tables()).not.toContain('target_cube');
    await migrator.up();
    expect(await tables()).toContain('visit_cube');
    expect(await tables()).toContain('target_cube');
    if (testDb() === 'postgresql')
      expect(withoutTrigramDrops(await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false }))).toBe(
        '',
      );
  });
});
