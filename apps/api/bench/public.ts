/**
 * Public search benchmark (issue 10): the portal's searches of published results (公示) over a province's
 * registry — PostgreSQL with 1,000,000 targets and 3,000,000 published results (SQLite: 100,000 and
 * 300,000) — by part of an entity's name and by its unified social credit code, each run 50 times as the
 * public through GraphQL in-process (a page of 20 with its total), p50 and p95, beside a baseline
 * measured in the same run on the same database: the lookup of one target by primary key. Target: each
 * search's p95 < 100 ms.
 *
 * Setup (not measured): the app starts on an empty database with the demo data; three tasks are drawn
 * through the API; then the database itself generates the targets — names from two lists of words and a
 * trade (`舞钢市` + word + word + trade + number + `有限公司`) — and, for each draw, a published visit of
 * every generated target up to the number asked for, each with its item's result. Then ANALYZE.
 *
 * Options: SUIJI_BENCH_PUBLIC_TARGETS / SUIJI_BENCH_PUBLIC_RESULTS (defaults 1,000,000 / 3,000,000 on
 * PostgreSQL, 100,000 / 300,000 on SQLite), SUIJI_BENCH_DBS (default "sqlite,postgresql"),
 * SUIJI_BENCH_PUBLIC_RUNS (default 50).
 */
import { chinaYear } from '@suiji/domain';
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  drawThroughApi,
  fmtInt,
  fmtSec,
  freshDatabase,
  measure,
  printTimings,
  runWorker,
  serveWorker,
  signedIn,
  sqlDialect,
  sqlString,
  statementTimer,
  timeRuns,
  workerTask,
  type Database,
  type DbKind,
  type Measurement,
  type Timing,
} from './lib.js';
import { benchSetting } from './env.js';
import { present } from '../dist/invariant.js';

const SELF = fileURLToPath(import.meta.url);
const RUNS = Number(benchSetting('SUIJI_BENCH_PUBLIC_RUNS') ?? 50);
const SIZES: Record<DbKind, { targets: number; results: number }> = {
  postgresql: {
    targets: Number(benchSetting('SUIJI_BENCH_PUBLIC_TARGETS') ?? 1_000_000),
    results: Number(benchSetting('SUIJI_BENCH_PUBLIC_RESULTS') ?? 3_000_000),
  },
  sqlite: {
    targets: Number(benchSetting('SUIJI_BENCH_PUBLIC_TARGETS') ?? 100_000),
    results: Number(benchSetting('SUIJI_BENCH_PUBLIC_RESULTS') ?? 300_000),
  },
};
const TARGET_P95_MS = 100;
const JWT_SECRET = 'bench-secret-of-enough-length';
const YEAR = chinaYear();
const DRAWS = 3;
const CHUNK = 100_000;
const WORKER_TIMEOUT_MS = 2 * 60 * 60_000;
const CODE_PREFIX = 'BP';
/** Two-character words of the generated names: a pair of them and a trade name ~1 target in F · S · 10. */
const FIRST =
  '华兴金鼎宏达鑫源恒通天和瑞丰永盛盛达中原宇龙嘉禾隆昌新世博远广汇东方福源亿丰长兴锦华万通泰和正大安泰富民众诚华泰润达圣达荣盛汇丰德信兴旺顺达明珠祥和凯达康达信达腾飞旭日海天金鑫宏图泰山联创信诚恒信通达益民同心晨光鹏程天成和平振兴盛世银河金色钢城大地神州华夏远大鸿运龙腾鼎盛瑞达绿源新源金源宏源鸿源百川千禾万和吉祥如意春晖秋实晨曦朝阳光明创新卓越精诚至诚';
const SECOND =
  '建设实业商贸科技工程置业发展投资矿业建材物流能源环保农业牧业林业水利电力机械化工纺织食品饮品药业医疗教育文化传媒广告咨询服务劳务装饰园林市政交通运输仓储包装印刷塑料橡胶钢铁有色冶金铸造锻造模具五金电子电器通信软件网络数据智能新材光伏风电储能燃气热力供水排水环卫保洁物业酒店餐饮旅游体育健身养老家政汽车摩托农机饲料种业茶叶果业';
const TRADES = ['测绘', '勘察', '开发', '矿产', '砂石', '石材', '水泥', '陶瓷', '玻璃', '耐材'];
const REGIONS = ['垭口街道', '寺坡街道', '院岭街道', '矿建街道', '朱兰街道', '尚店镇', '八台镇', '尹集镇'];

type Task = { database: Database; targets: number; results: number };

interface Conn {
  execute(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run'): Promise<unknown>;
}

const F = FIRST.length / 2;
const S = SECOND.length / 2;
const word = (list: string, n: number) =>
  list.slice(2 * (n % (list.length / 2)), 2 * (n % (list.length / 2)) + 2);
/** The generated name of target `i`, as the SQL below makes it. */
const nameOf = (i: number) =>
  `舞钢市${word(FIRST, i)}${word(SECOND, Math.floor(i / F))}${TRADES[Math.floor(i / (F * S)) % 10]}${i}有限公司`;
const codeOf = (i: number) => `${CODE_PREFIX}${String(i).padStart(16, '0')}`;

function sqlPieces(kind: DbKind) {
  const d = sqlDialect(kind);
  return {
    ...d,
    code: (i: string) =>
      kind === 'postgresql'
        ? `'${CODE_PREFIX}' || lpad(${i}::text, 16, '0')`
        : `'${CODE_PREFIX}' || substr('0000000000000000' || ${i}, -16, 16)`,
    word: (list: string, n: string) => `substr('${list}', 1 + 2 * ((${n}) % ${list.length / 2}), 2)`,
    /** The generated target's number, from its credit code. */
    numberOf: (alias: string) =>
      kind === 'postgresql'
        ? `substr(${alias}.credit_code, ${CODE_PREFIX.length + 1})::int`
        : `cast(substr(${alias}.credit_code, ${CODE_PREFIX.length + 1}) as integer)`,
    falsy: kind === 'postgresql' ? 'false' : '0',
  };
}

function targetsSql(kind: DbKind, from: number, to: number, now: Date): string {
  const p = sqlPieces(kind);
  const ts = p.ts(now);
  return `insert into target (id, created_at, updated_at, deleted_at, name, credit_code, kind, legal_representative, address, region, contact, tags, risk_class, status, target_types)
    select ${p.uuid}, ${ts}, ${ts}, null,
      '舞钢市' || ${p.word(FIRST, 'i')} || ${p.word(SECOND, `i / ${F}`)} || ${p.pick(TRADES, `i / ${F * S}`)} || i || '有限公司',
      ${p.code('i')}, 'ENTERPRISE', '王某', '舞钢市某路' || (1 + i % 300) || '号', ${p.pick(REGIONS, 'i')}, '', '',
      substr('ABBBBCCCDD', 1 + i % 10, 1), 'ACTIVE', ',企业,'
    from ${p.series(from, to)}`;
}

interface DrawInfo {
  drawId: string;
  taskId: string;
  departmentId: string;
}

/** Draw k's published visits of generated targets `from` … `to` − 1, with their item's result. */
function visitsSql(
  kind: DbKind,
  from: number,
  to: number,
  k: number,
  draw: DrawInfo,
  itemId: string,
  users: { entered: string; reviewed: string },
): string[] {
  const p = sqlPieces(kind);
  const day = `${YEAR - (k % 2)}-0${3 + k}-1${k}`;
  const at = p.ts(new Date(`${day}T04:00:00Z`));
  const generated = `(select id, region, kind, risk_class, ${p.numberOf('target')} as i from target where credit_code like '${CODE_PREFIX}%') t`;
  const n = p.numberOf('tg');
  return [
    `insert into inspection (id, created_at, updated_at, draw_id, task_id, target_id, team_ids, state, methods_used,
        inspected_on, entered_by_id, entered_at, reviewed_by_id, published_at, item_ids, drawn_on, initiating_department_id,
        joint, region, target_kind, risk_class, deadline, published_on, counted_state)
      select ${p.uuid}, ${at}, ${at}, ${sqlString(draw.drawId)}, ${sqlString(draw.taskId)}, t.id, '', 'PUBLISHED', ',ON_SITE,',
        ${sqlString(day)}, ${sqlString(users.entered)}, ${at}, ${sqlString(users.reviewed)}, ${at}, ${sqlString(`,${itemId},`)},
        ${sqlString(day)}, ${sqlString(draw.departmentId)}, ${p.falsy}, t.region, t.kind, t.risk_class,
        ${sqlString(day)}, ${sqlString(day)}, 'PUBLISHED'
      from ${generated} where t.i >= ${from} and t.i < ${to}`,
    `insert into item_result (id, created_at, updated_at, inspection_id, item_id, category, findings, follow_up)
      select ${p.uuid}, ${at}, ${at}, ins.id, ${sqlString(itemId)},
        case when ${n} % 10 = 0 then 'PROBLEM_PENDING' else 'NO_PROBLEM' end, null,
        case when ${n} % 10 = 0 then 'ORDERED_TO_CORRECT' else 'NONE' end
      from inspection ins join target tg on tg.id = ins.target_id
      where ins.draw_id = ${sqlString(draw.drawId)} and tg.credit_code like '${CODE_PREFIX}%'
        and ${n} >= ${from} and ${n} < ${to}`,
  ];
}

async function count(conn: Conn, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await conn.execute(sql, params)) as { n: number | string }[];
  return Number(row?.n ?? 0);
}

async function setup(database: Database, targets: number, results: number) {
  const started = performance.now();
  const progress = (what: string) =>
    console.log(`  … ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const { app, gql } = await signedIn(database, JWT_SECRET, 'zh-CN');
  const conn = app.orm.em.getConnection() as unknown as Conn;
  progress('the app started with the demo data');
  const itemId = present(
    (
      await gql<{ items: { items: { id: string }[] } }>(
        'query($y: Int!) { items(filter: { year: $y, q: "土地使用情况" }) { items { id } } }',
        { y: YEAR },
      )
    ).items.items[0],
    'the benchmark item',
  ).id;
  const draws: DrawInfo[] = [];
  for (let k = 0; k < DRAWS; k++) {
    const taskId = (
      await gql<{ createTask: { id: string } }>('mutation($i: TaskInput!) { createTask(input: $i) { id } }', {
        i: {
          name: `公示检索基准测试任务 ${k + 1}`,
          year: YEAR,
          itemIds: [itemId],
          scope: 'DIRECTED',
          regions: [REGIONS[k]],
          windowStart: `${YEAR}-01-01`,
          windowEnd: `${YEAR}-12-31`,
        },
      })
    ).createTask.id;
    const { drawId } = await drawThroughApi(gql, taskId);
    const [task] = (await conn.execute('select department_id from task where id = ?', [taskId])) as {
      department_id: string;
    }[];
    draws.push({ drawId, taskId, departmentId: present(task, 'task').department_id });
  }
  progress(`${DRAWS} tasks drawn through the API`);
  const userId = async (username: string) =>
    present(
      ((await conn.execute('select id from app_user where username = ?', [username])) as { id: string }[])[0],
      'the benchmark user',
    ).id;
  const users = { entered: await userId('inspector'), reviewed: await userId('coordinator') };
  const now = new Date();
  const wanted = Math.min(targets, Math.ceil(results / DRAWS));
  const generate = await measure('generate targets and published results (setup)', results, async () => {
    for (let from = 0; from < targets; from += CHUNK)
      await conn.execute(targetsSql(database.kind, from, Math.min(targets, from + CHUNK), now), [], 'run');
    progress('targets generated');
    for (const [k, draw] of draws.entries()) {
      for (let from = 0; from < wanted; from += CHUNK * 5)
        for (const sql of visitsSql(
          database.kind,
          from,
          Math.min(wanted, from + CHUNK * 5),
          k,
          draw,
          itemId,
          users,
        ))
          await conn.execute(sql, [], 'run');
      progress(`published results of draw ${k + 1} generated`);
    }
  });
  if (database.kind === 'postgresql') await conn.execute('vacuum analyze', [], 'run');
  else await conn.execute('analyze', [], 'run');
  progress('analyzed');
  const published = await count(conn, "select count(*) as n from inspection where state = 'PUBLISHED'");
  const registry = await count(conn, 'select count(*) as n from target');
  return { app, conn, generate, published, registry, wanted };
}

const SEARCH = `query($f: PublicResultFilter, $p: PageInput) { publicResults(filter: $f, page: $p) {
  total items { id targetName creditCode region authorities taskName publishedAt items { item category categoryNameZh problem followUp } } } }`;

async function run(task: Task): Promise<Measurement> {
  const { database, targets, results } = task;
  const s = await setup(database, targets, results);
  try {
    const { app, conn, wanted } = s;
    const timer = statementTimer(app);
    const anonymous = async (query: string, variables: Record<string, unknown>) => {
      const r = await app.execute({ query, variables }, undefined, 'zh-CN');
      if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors).slice(0, 1000)}`);
      return r.data as { publicResults: { total: number; items: { creditCode: string }[] } };
    };
    // Targets spread over the generated ones, each searched in turn: no run repeats the previous one's.
    const picks = Array.from({ length: 17 }, (_, n) => Math.floor(((n + 0.5) * wanted) / 17));
    let turn = 0;
    const next = () => present(picks[turn++ % picks.length], 'picks[turn++ % picks.length]');
    const page = { page: 1, perPage: 20 };
    const searches: { name: string; q: (i: number) => string; expect: (i: number) => number | null }[] = [
      // The pair of words and the trade: one generated target in F · S · 10 (a few at 1M), 3 results each.
      {
        name: 'by part of the name (2 words and a trade)',
        q: (i) => nameOf(i).slice(3, 9),
        expect: () => null,
      },
      {
        name: 'by part of the name (one entity)',
        q: (i) => nameOf(i).slice(5, 11 + String(i).length),
        expect: () => 3,
      },
      { name: 'by the whole credit code', q: (i) => codeOf(i), expect: () => 3 },
      { name: 'by part of the credit code (last 10)', q: (i) => codeOf(i).slice(-10), expect: () => null },
    ];
    const timings: Timing[] = [];
    const baselineIds = (await conn.execute(
      `select id from target where credit_code in (${picks.map((i) => `'${codeOf(i)}'`).join(', ')})`,
    )) as { id: string }[];
    let b = 0;
    timings.push(
      await timeRuns('baseline: one target by primary key', RUNS, timer, () =>
        conn.execute('select * from target where id = ?', [
          present(baselineIds[b++ % baselineIds.length], 'baselineIds[b++ % baselineIds.length]').id,
        ]),
      ),
    );
    const checked: string[] = [];
    for (const search of searches) {
      // Each search finds what it should before it is timed.
      const i = present(picks[0], 'picks[0]');
      const found = await anonymous(SEARCH, { f: { q: search.q(i) }, p: page });
      const wantedTotal = search.expect(i);
      if (!found.publicResults.items.some((r) => r.creditCode === codeOf(i)))
        throw new Error(`${search.name}: "${search.q(i)}" does not find ${codeOf(i)}`);
      if (wantedTotal !== null && found.publicResults.total !== wantedTotal)
        throw new Error(
          `${search.name}: "${search.q(i)}" finds ${found.publicResults.total}, not ${wantedTotal}`,
        );
      checked.push(`${search.name}: "${search.q(i)}" → ${found.publicResults.total}`);
      timings.push(
        await timeRuns(search.name, RUNS, timer, () =>
          anonymous(SEARCH, { f: { q: search.q(next()) }, p: page }),
        ),
      );
    }
    // A two-character trade alone matches a tenth of the registry: beyond what an index can narrow.
    timings.push(
      await timeRuns('by a 2-character word (a tenth of all, informative)', Math.min(RUNS, 10), timer, () =>
        anonymous(SEARCH, { f: { q: present(TRADES[turn++ % 10], 'TRADES[turn++ % 10]') }, p: page }),
      ),
    );
    return {
      name: database.kind,
      ms: 0,
      rows: s.published,
      peakRss: process.resourceUsage().maxRSS * 1024,
      rssBefore: 0,
      extra: { timings, published: s.published, registry: s.registry, generateMs: s.generate.ms, checked },
    };
  } finally {
    await s.app.close();
  }
}

const task = workerTask<Task>();
if (task) await serveWorker(() => run(task));
else {
  const dir = mkdtempSync(join(tmpdir(), 'suiji-bench-public-'));
  const kinds = (benchSetting('SUIJI_BENCH_DBS') ?? 'sqlite,postgresql').split(',') as DbKind[];
  let missed = 0;
  try {
    for (const kind of kinds) {
      const { database, drop } = await freshDatabase(kind, dir, 'public');
      try {
        const { targets, results } = SIZES[kind];
        console.log(
          `\npublic search on ${kind}: ${fmtInt(targets)} targets, ${fmtInt(results)} published results, ${RUNS} runs per search`,
        );
        const m = await runWorker<Task>(
          SELF,
          { database, targets, results },
          { timeoutMs: WORKER_TIMEOUT_MS },
        );
        const e = m.extra as {
          timings: Timing[];
          published: number;
          registry: number;
          generateMs: number;
          checked: string[];
        };
        console.log(
          `  setup: ${fmtInt(e.registry)} targets, ${fmtInt(e.published)} published results, generated in ${fmtSec(e.generateMs)}`,
        );
        for (const line of e.checked) console.log(`  checked: ${line}`);
        missed += printTimings(e.timings, (t) => (t.name.includes('informative') ? null : TARGET_P95_MS));
      } finally {
        await drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(missed ? `\npublic: ${missed} target(s) missed` : '\npublic: every target met');
}
