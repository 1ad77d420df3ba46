/**
 * The task, draw and registry lists' filters, each alone and two together, against what the test computes
 * from the whole list (a task's state from its draw and visits as stored): tasks and draws by state,
 * department (a unit standing for its department) and year; targets by region, kind, risk class, tag and
 * the abnormal mark (经营异常名录). A page costs the same statements however long it is, and a bad value is
 * refused, saying which.
 */
import { chinaYear, completeCreditCode } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements, isTotal } from '../../db/statements.js';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const YEAR = chinaYear();
/** The year of the demo's other item list. */
const OLD_YEAR = 2023;

interface TaskRow {
  id: string;
  year: number;
  departmentId: string;
  cooperatingDepartmentIds: string[];
}

interface DrawRow {
  id: string;
  status: string;
  taskId: string;
}

interface TargetRow {
  id: string;
  name: string;
  kind: string;
  region: string;
  riskClass: string;
  tags: string[];
  abnormal: boolean;
}

const sorted = (ids: readonly string[]) => [...ids].sort();
const takesPart = (task: TaskRow, department: string) =>
  task.departmentId === department || task.cooperatingDepartmentIds.includes(department);

/** Page sizes for the statement counts: the same statements for a page of one and of many. */
const perPages = [1, 50];

describe('the task, draw and registry lists’ filters', () => {
  let t: TestApp;
  let admin: string;
  let coordinator: string;
  let coordinator2: string;
  let bureau: string;
  let unit: string;
  let market: string;
  let jointTask: string;
  let tasks: TaskRow[];
  let draws: DrawRow[];
  /** Each task's state, from its draw and its visits as stored. */
  let stateOf: Map<string, string>;

  const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    (await t.app.orm.em.getConnection().execute(query, params)) as T[];

  /** Every id of a list, page by page; its total checked against them. */
  async function listIds(
    query: string,
    field: 'tasks' | 'draws' | 'targets',
    f: Record<string, unknown>,
    token = admin,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const data = (await t.ok(query, { f, p: { page, perPage: 500 } }, token))[field] as {
        total: number;
        items: { id: string }[];
      };
      ids.push(...data.items.map((i) => i.id));
      if (data.items.length < 500) {
        expect(data.total, JSON.stringify(f)).toBe(ids.length);
        return sorted(ids);
      }
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    coordinator = await t.login('coordinator');
    coordinator2 = await t.login('coordinator2');
    const departments = (
      await t.ok('{ departments(page: { page: 1, perPage: 100 }) { items { id code } } }', {}, admin)
    ).departments.items as { id: string; code: string }[];
    const byCode = (code: string) => departments.find((d) => d.code === code)!.id;
    bureau = byCode('WG-ZRZY');
    unit = byCode('WG-ZRZY-ZFJC');
    market = byCode('WG-SCJG');
    const itemOf = async (year: number, q: string) =>
      (
        await t.ok('query($y: Int!, $q: String!) { items(filter: { year: $y, q: $q }) { items { id } } }', {
          y: year,
          q,
        })
      ).items.items[0].id as string;
    const land = await itemOf(YEAR, '土地使用情况');
    const oldLand = await itemOf(OLD_YEAR, '土地使用情况');
    const marketItem = await itemOf(YEAR, '企业公示信息情况检查');
    const newTask = async (token: string, name: string, over: Record<string, unknown>) =>
      (
        await t.ok(
          'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
          {
            i: { name, year: YEAR, windowStart: `${YEAR}-12-01`, windowEnd: `${YEAR}-12-20`, ...over },
          },
          token,
        )
      ).createTask.id as string;
    const schedule = (taskId: string) =>
      t.ok(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
        { i: { taskId, entropy: t.entropy() } },
        coordinator,
      );

    // The bureau's: one of this year not drawn, one of the old year scheduled, one joint with the market
    // bureau scheduled, one drawn and under way, one drawn and every visit published; the market
    // bureau's own, not drawn.
    await newTask(coordinator, '筛选：本年未摇号', { itemIds: [land] });
    await schedule(await newTask(coordinator, '筛选：往年', { year: OLD_YEAR, itemIds: [oldLand] }));
    jointTask = await newTask(coordinator, '筛选：联合', {
      itemIds: [land],
      cooperatingDepartmentIds: [market],
    });
    await t.ok('mutation($id: ID!) { acceptTask(taskId: $id) { id } }', { id: jointTask }, coordinator2);
    await schedule(jointTask);
    await newTask(coordinator2, '筛选：市场局', { itemIds: [marketItem] });
    await t.drawLandTask(coordinator, '筛选：进行中');
    const done = await t.drawLandTask(coordinator, '筛选：已完成');
    await sql("update inspection set state = 'PUBLISHED' where draw_id = ?", [done]);

    tasks = (
      await t.ok(
        '{ tasks(page: { page: 1, perPage: 500 }) { items { id year departmentId cooperatingDepartmentIds } } }',
        {},
        admin,
      )
    ).tasks.items as TaskRow[];
    draws = (
      await t.ok('{ draws(page: { page: 1, perPage: 500 }) { items { id status taskId } } }', {}, admin)
    ).draws.items as DrawRow[];
    const states = await sql<{ id: string; status: string | null; open: number | string }>(
      `select t.id, d.status,
         (select count(*) from inspection i where i.task_id = t.id and i.state <> 'PUBLISHED') as open
       from task t left join draw d on d.task_id = t.id where t.deleted_at is null`,
    );
    stateOf = new Map(
      states.map((s) => [s.id, s.status !== 'DRAWN' ? 'PENDING' : Number(s.open) > 0 ? 'RUNNING' : 'DONE']),
    );
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => t?.close());

  describe('tasks', () => {
    const TASKS =
      'query($f: TaskFilter, $p: PageInput) { tasks(filter: $f, page: $p) { total items { id progress visits { drawn } } } }';
    const ids = (f: Record<string, unknown>, token = admin) => listIds(TASKS, 'tasks', f, token);
    const expected = (keep: (task: TaskRow) => boolean) => sorted(tasks.filter(keep).map((x) => x.id));

    it('filter by state, department and year, each alone', async () => {
      for (const progress of ['PENDING', 'RUNNING', 'DONE']) {
        const want = expected((x) => stateOf.get(x.id) === progress);
        expect(want.length, progress).toBeGreaterThan(0);
        expect(await ids({ progress }), progress).toEqual(want);
      }
      for (const department of [bureau, market]) {
        const want = expected((x) => takesPart(x, department));
        expect(want.length).toBeGreaterThan(0);
        expect(await ids({ departmentId: department })).toEqual(want);
      }
      // A unit stands for its department, whose tasks they are.
      expect(await ids({ departmentId: unit })).toEqual(expected((x) => takesPart(x, bureau)));
      for (const year of [YEAR, OLD_YEAR]) {
        const want = expected((x) => x.year === year);
        expect(want.length, String(year)).toBeGreaterThan(0);
        expect(await ids({ year })).toEqual(want);
      }
    });

    it('filter by two together', async () => {
      const cases: [Record<string, unknown>, (x: TaskRow) => boolean][] = [
        [{ year: YEAR, departmentId: market }, (x) => x.year === YEAR && takesPart(x, market)],
        [
          { progress: 'PENDING', departmentId: bureau },
          (x) => stateOf.get(x.id) === 'PENDING' && takesPart(x, bureau),
        ],
        [
          { year: OLD_YEAR, progress: 'PENDING' },
          (x) => x.year === OLD_YEAR && stateOf.get(x.id) === 'PENDING',
        ],
        [{ year: YEAR, progress: 'DONE' }, (x) => x.year === YEAR && stateOf.get(x.id) === 'DONE'],
      ];
      for (const [f, keep] of cases) {
        const want = expected(keep);
        expect(want.length, JSON.stringify(f)).toBeGreaterThan(0);
        expect(await ids(f), JSON.stringify(f)).toEqual(want);
      }
    });

    it('keep to the role’s scope: another department’s coordinator sees only the tasks both take part in', async () => {
      const both = expected((x) => takesPart(x, market) && takesPart(x, bureau));
      expect(both).toContain(jointTask);
      expect(await ids({ departmentId: bureau }, coordinator2)).toEqual(both);
      expect(await ids({ year: YEAR }, coordinator2)).toEqual(
        expected((x) => x.year === YEAR && takesPart(x, market)),
      );
    });

    it('cost the same statements for a page of one and of fifty, the filters set', async () => {
      const counts: number[] = [];
      for (const perPage of perPages) {
        const { statements } = await countStatements(t.app.orm, () =>
          t.ok(
            TASKS,
            { f: { year: YEAR, departmentId: unit, progress: 'PENDING' }, p: { page: 1, perPage } },
            admin,
          ),
        );
        counts.push(statements.filter((s) => !isTotal(s)).length);
      }
      expect(counts[0]).toBe(counts[1]);
    });

    it('refuse a bad value, saying which', async () => {
      const year = await t.gql(TASKS, { f: { year: 1800 } }, admin);
      expect(errorCode(year)).toBe('BAD_USER_INPUT');
      expect(year.errors?.[0]?.message).toMatch(/year must be from/);
      const department = await t.gql(TASKS, { f: { departmentId: 'no-such-department' } }, admin);
      expect(errorCode(department)).toBe('BAD_USER_INPUT');
      expect(department.errors?.[0]?.message).toMatch(/Department no-such-department does not exist/);
      expect(errorCode(await t.gql(TASKS, { f: { progress: 'HALFWAY' } }, admin))).toBe('BAD_USER_INPUT');
    });
  });

  describe('draws', () => {
    const DRAWS =
      'query($f: DrawFilter, $p: PageInput) { draws(filter: $f, page: $p) { total items { id status departmentIds } } }';
    const ids = (f: Record<string, unknown>) => listIds(DRAWS, 'draws', f);
    const expected = (keep: (draw: DrawRow, task: TaskRow) => boolean) => {
      const taskOf = new Map(tasks.map((x) => [x.id, x]));
      return sorted(draws.filter((d) => keep(d, taskOf.get(d.taskId)!)).map((d) => d.id));
    };

    it('filter by state, department and year, each alone', async () => {
      for (const status of ['SCHEDULED', 'DRAWN']) {
        const want = expected((d) => d.status === status);
        expect(want.length, status).toBeGreaterThan(0);
        expect(await ids({ status })).toEqual(want);
      }
      for (const department of [bureau, market]) {
        const want = expected((_, task) => takesPart(task, department));
        expect(want.length).toBeGreaterThan(0);
        expect(await ids({ departmentId: department })).toEqual(want);
      }
      expect(await ids({ departmentId: unit })).toEqual(expected((_, task) => takesPart(task, bureau)));
      for (const year of [YEAR, OLD_YEAR]) {
        const want = expected((_, task) => task.year === year);
        expect(want.length, String(year)).toBeGreaterThan(0);
        expect(await ids({ year })).toEqual(want);
      }
    });

    it('filter by two together', async () => {
      const cases: [Record<string, unknown>, (d: DrawRow, x: TaskRow) => boolean][] = [
        [{ status: 'SCHEDULED', year: YEAR }, (d, x) => d.status === 'SCHEDULED' && x.year === YEAR],
        [
          { status: 'SCHEDULED', departmentId: market },
          (d, x) => d.status === 'SCHEDULED' && takesPart(x, market),
        ],
        [{ year: OLD_YEAR, departmentId: unit }, (_, x) => x.year === OLD_YEAR && takesPart(x, bureau)],
        [{ status: 'DRAWN', year: YEAR }, (d, x) => d.status === 'DRAWN' && x.year === YEAR],
      ];
      for (const [f, keep] of cases) {
        const want = expected(keep);
        expect(want.length, JSON.stringify(f)).toBeGreaterThan(0);
        expect(await ids(f), JSON.stringify(f)).toEqual(want);
      }
      expect(await ids({ year: OLD_YEAR, departmentId: market })).toEqual([]);
    });

    it('cost the same statements for a page of one and of fifty, the filters set', async () => {
      const counts: number[] = [];
      for (const perPage of perPages) {
        const { statements } = await countStatements(t.app.orm, () =>
          t.ok(
            DRAWS,
            { f: { year: YEAR, departmentId: unit, status: 'DRAWN' }, p: { page: 1, perPage } },
            admin,
          ),
        );
        counts.push(statements.filter((s) => !isTotal(s)).length);
      }
      expect(counts[0]).toBe(counts[1]);
    });

    it('refuse a bad value, saying which', async () => {
      const year = await t.gql(DRAWS, { f: { year: 99999 } }, admin);
      expect(errorCode(year)).toBe('BAD_USER_INPUT');
      expect(year.errors?.[0]?.message).toMatch(/year must be from/);
      const department = await t.gql(DRAWS, { f: { departmentId: 'no-such-department' } }, admin);
      expect(errorCode(department)).toBe('BAD_USER_INPUT');
      expect(department.errors?.[0]?.message).toMatch(/does not exist/);
      expect(errorCode(await t.gql(DRAWS, { f: { status: 'LOST' } }, admin))).toBe('BAD_USER_INPUT');
    });
  });

  describe('targets', () => {
    const TARGETS =
      'query($f: TargetFilter, $p: PageInput) { targets(filter: $f, page: $p) { total items { id name kind region riskClass tags abnormal } } }';
    const ids = (f: Record<string, unknown>) => listIds(TARGETS, 'targets', f);
    /** A tag holding what the tag rows' triggers must carry through: quotes, a backslash, a tab, a line break. */
    const QUOTED = '带"引号"与\\斜杠、\t制表符与\n换行';
    let targets: TargetRow[];
    let regions: string[];
    const created: Record<string, string> = {};
    const expected = (keep: (target: TargetRow) => boolean) => sorted(targets.filter(keep).map((x) => x.id));
    let seq = 0;

    /** Every live target of the registry, read page by page. */
    async function wholeRegistry(): Promise<TargetRow[]> {
      const all: TargetRow[] = [];
      for (let page = 1; ; page++) {
        const items = (await t.ok(TARGETS, { p: { page, perPage: 500 } }, admin)).targets
          .items as TargetRow[];
        all.push(...items);
        if (items.length < 500) return all;
      }
    }

    beforeAll(async () => {
      regions = (await t.ok('{ regions }', {}, admin)).regions as string[];
      const create = async (key: string, over: Record<string, unknown>) => {
        created[key] = (
          await t.ok(
            'mutation($i: TargetInput!) { createTarget(input: $i) { id } }',
            {
              i: {
                name: `筛选对象${key}`,
                creditCode: completeCreditCode(`91410481${String(900000000 + ++seq * 7919).slice(-9)}`),
                kind: 'ENTERPRISE',
                region: regions[0],
                riskClass: 'B',
                ...over,
              },
            },
            admin,
          )
        ).createTarget.id as string;
      };
      await create('甲', { kind: 'PROJECT', riskClass: 'D', tags: ['筛选标签甲', QUOTED] });
      await create('乙', { kind: 'UNIT', riskClass: 'A', tags: ['筛选标签甲'] });
      await create('丙', { region: regions[1], riskClass: 'D', tags: ['筛选标签乙'] });
      await create('丁', { kind: 'PROJECT', region: regions[1], riskClass: 'D', tags: ['筛选标签甲'] });
      await create('戊', { tags: ['筛选标签戊'] });
      // Tags changed, a target deleted (kept, marked) and one removed from the table outright.
      await t.ok(
        'mutation($id: ID!) { updateTarget(id: $id, input: { tags: ["筛选标签甲", "筛选标签丙"] }) { id } }',
        { id: created['丙'] },
        admin,
      );
      await t.ok('mutation($id: ID!) { deleteTarget(id: $id) { id } }', { id: created['丁'] }, admin);
      await sql('delete from target where id = ?', [created['戊']]);
      // On the abnormal list: as a published result's category puts a target there.
      const someEnterprises = (
        await sql<{ id: string }>(
          "select id from target where kind = 'ENTERPRISE' order by credit_code limit 3",
        )
      ).map((r) => r.id);
      for (const id of [created['甲']!, ...someEnterprises])
        await sql('update target set abnormal = true where id = ?', [id]);
      targets = await wholeRegistry();
    });

    it('keeps one row per tag of each target, through creation, change and removal', async () => {
      const rows = await sql<{ target_id: string; tag: string }>('select target_id, tag from target_tag');
      const live = new Set(targets.map((x) => x.id));
      expect(sorted(rows.filter((r) => live.has(r.target_id)).map((r) => `${r.target_id} ${r.tag}`))).toEqual(
        sorted(targets.flatMap((x) => x.tags.map((tag) => `${x.id} ${tag}`))),
      );
      expect(rows.filter((r) => r.target_id === created['戊'])).toEqual([]);
      expect(
        rows
          .filter((r) => r.target_id === created['丙'])
          .map((r) => r.tag)
          .sort(),
      ).toEqual(['筛选标签丙', '筛选标签甲'].sort());
      const inUse = (await t.ok('{ targetTags }', {}, admin)).targetTags as string[];
      expect(inUse).toEqual(expect.arrayContaining(['筛选标签甲', '筛选标签丙', QUOTED]));
      expect(inUse).not.toContain('筛选标签乙');
      expect(inUse).not.toContain('筛选标签戊');
    });

    it('filter by region, kind, risk class, tag and the abnormal mark, each alone', async () => {
      const cases: [Record<string, unknown>, (x: TargetRow) => boolean][] = [
        [{ region: regions[1] }, (x) => x.region === regions[1]],
        [{ kind: 'PROJECT' }, (x) => x.kind === 'PROJECT'],
        [{ riskClass: 'D' }, (x) => x.riskClass === 'D'],
        [{ tag: '筛选标签甲' }, (x) => x.tags.includes('筛选标签甲')],
        [{ tag: QUOTED }, (x) => x.tags.includes(QUOTED)],
        [{ abnormal: true }, (x) => x.abnormal],
        [{ abnormal: false }, (x) => !x.abnormal],
      ];
      for (const [f, keep] of cases) {
        const want = expected(keep);
        expect(want.length, JSON.stringify(f)).toBeGreaterThan(0);
        expect(await ids(f), JSON.stringify(f)).toEqual(want);
      }
      // The deleted target has the tag, and is not listed.
      expect(await ids({ tag: '筛选标签甲' })).toEqual(
        sorted([created['甲']!, created['乙']!, created['丙']!]),
      );
      expect(await ids({ tag: '筛选标签' })).toEqual([]);
    });

    it('filter by two together, and with the search', async () => {
      const cases: [Record<string, unknown>, (x: TargetRow) => boolean][] = [
        [{ region: regions[0], kind: 'PROJECT' }, (x) => x.region === regions[0] && x.kind === 'PROJECT'],
        [{ tag: '筛选标签甲', riskClass: 'D' }, (x) => x.tags.includes('筛选标签甲') && x.riskClass === 'D'],
        [{ abnormal: true, kind: 'ENTERPRISE' }, (x) => x.abnormal && x.kind === 'ENTERPRISE'],
        [{ abnormal: false, region: regions[1] }, (x) => !x.abnormal && x.region === regions[1]],
        [
          { q: '筛选对象', tag: '筛选标签甲' },
          (x) => x.name.includes('筛选对象') && x.tags.includes('筛选标签甲'),
        ],
      ];
      for (const [f, keep] of cases) {
        const want = expected(keep);
        expect(want.length, JSON.stringify(f)).toBeGreaterThan(0);
        expect(await ids(f), JSON.stringify(f)).toEqual(want);
      }
    });

    it('cost the same statements for a page of one and of fifty, the filters set', async () => {
      const counts: number[] = [];
      for (const perPage of perPages) {
        const { statements } = await countStatements(t.app.orm, () =>
          t.ok(
            TARGETS.replace('abnormal } }', 'abnormal problemCount } }'),
            { f: { kind: 'ENTERPRISE', abnormal: false, riskClass: 'B' }, p: { page: 1, perPage } },
            admin,
          ),
        );
        counts.push(statements.filter((s) => !isTotal(s)).length);
      }
      expect(counts[0]).toBe(counts[1]);
    });

    it('refuse a bad value, saying which', async () => {
      const tags = await t.gql(TARGETS, { f: { tag: '筛选标签甲,筛选标签乙' } }, admin);
      expect(errorCode(tags)).toBe('BAD_USER_INPUT');
      expect(tags.errors?.[0]?.message).toMatch(/one tag/);
      expect(errorCode(await t.gql(TARGETS, { f: { kind: 'SHIP' } }, admin))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(TARGETS, { f: { riskClass: 'E' } }, admin))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(TARGETS, { f: { abnormal: 'yes' } }, admin))).toBe('BAD_USER_INPUT');
      const region = await t.gql(TARGETS, { f: { region: '镇'.repeat(300) } }, admin);
      expect(errorCode(region)).toBe('BAD_USER_INPUT');
      expect(region.errors?.[0]?.message).toMatch(/region/);
    });

    it('fills the tag rows from the registry there is when the migration runs', async () => {
      const migrator = t.app.orm.getMigrator();
      await migrator.down({ to: 'Migration20261202020000' });
      await migrator.up();
      const rows = await sql<{ target_id: string; tag: string }>('select target_id, tag from target_tag');
      const live = new Set(targets.map((x) => x.id));
      expect(sorted(rows.filter((r) => live.has(r.target_id)).map((r) => `${r.target_id} ${r.tag}`))).toEqual(
        sorted(targets.flatMap((x) => x.tags.map((tag) => `${x.id} ${tag}`))),
      );
      expect(await ids({ tag: QUOTED })).toEqual([created['甲']]);
    });
  });
});
