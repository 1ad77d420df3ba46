/**
 * The demo data: the Wugang natural-resources bureau with its units, a second department for joint
 * work, the seed document's four items for 2023 and for the current year, about 2,000 targets, about
 * 30 inspectors (a few with expired certificates), some conflicts, one user per role, and the bureau's
 * yearly plan (年度抽查计划) of the current year over those four items; with `history`, last year's and
 * this year's supervision made through the services (seed-history.ts).
 * Generated from a fixed seed, so every demo database holds the same registries.
 */
import type { EntityManager } from '@mikro-orm/core';
import {
  chinaYear,
  completeCreditCode,
  CREDIT_CODE_ALPHABET,
  RISK_CLASSES,
  type Role,
  type TargetKind,
} from '@suiji/domain';
import { hashPassword } from '../modules/auth/password.js';
import { Conflict } from '../modules/conflict/conflict.entity.js';
import { Department } from '../modules/department/department.entity.js';
import { Inspector } from '../modules/inspector/inspector.entity.js';
import { InspectionItem } from '../modules/item/item.entity.js';
import { Plan, PlanItem } from '../modules/plan/plan.entity.js';
import { Target } from '../modules/target/target.entity.js';
import { User } from '../modules/user/user.entity.js';
import { seedHistory } from './seed-history.js';
import { SEED_ITEMS, type SeedItem } from './seed-items.js';
import { present } from '../invariant.js';

/** Mulberry32: a small deterministic generator, enough for demo data (never for draws). */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T =>
    present(list[Math.floor(next() * list.length)], 'list[Math.floor(next() * list.length)]');
  return { next, pick };
}

export const DEMO_REGIONS = [
  '垭口街道',
  '寺坡街道',
  '院岭街道',
  '矿建街道',
  '朱兰街道',
  '尚店镇',
  '八台镇',
  '尹集镇',
  '枣林镇',
  '武功乡',
  '杨庄乡',
  '庙街乡',
  '铁山乡',
] as const;

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文华红梅志强晓东海燕春雷';
const TRADE = [
  '钢铁',
  '建材',
  '矿业',
  '测绘',
  '建设',
  '置业',
  '农业',
  '商贸',
  '物流',
  '机械',
  '环保',
  '食品',
  '石材',
  '电力',
  '化工',
];
const WORDS = [
  '舞钢',
  '鑫源',
  '恒泰',
  '华兴',
  '宏达',
  '嘉禾',
  '润丰',
  '金石',
  '龙山',
  '石漫滩',
  '灯台架',
  '九头崖',
  '盛世',
  '瑞丰',
];

export const DEMO_USERS: readonly {
  username: string;
  displayName: string;
  role: Role;
  department: string;
}[] = [
  { username: 'admin', displayName: '系统管理员', role: 'ADMIN', department: 'WG-ZRZY-BGS' },
  {
    username: 'coordinator',
    displayName: '执法监察股 负责人',
    role: 'COORDINATOR',
    department: 'WG-ZRZY-ZFJC',
  },
  { username: 'inspector', displayName: '张建华', role: 'INSPECTOR', department: 'WG-ZRZY-ZFJC' },
  { username: 'manager', displayName: '局领导', role: 'MANAGER', department: 'WG-ZRZY' },
  {
    username: 'coordinator2',
    displayName: '市场监管局 信用监管股负责人',
    role: 'COORDINATOR',
    department: 'WG-SCJG-XY',
  },
];

/**
 * The demo's logins as the start-up message lists them: one per role, then the inspectors' own accounts
 * (`inspectorNN`, made with the history), each signing in with its username followed by 12345.
 */
export function demoLoginsText(inspectorAccounts: readonly string[]): string {
  const numbered = inspectorAccounts.filter((username) => /^inspector\d{2}$/.test(username)).sort();
  const lines = DEMO_USERS.map(
    (user) => `  ${user.username.padEnd(13)} ${user.role.padEnd(12)} ${user.displayName}`,
  );
  if (numbered.length > 0)
    lines.push(
      `  ${`${numbered[0]} … ${numbered.at(-1)}`.padEnd(26)} INSPECTOR    the registry's inspectors (${numbered.length})`,
    );
  return `Demo logins (the password is the username followed by 12345):\n${lines.join('\n')}`;
}

function personName(rand: ReturnType<typeof generator>): string {
  const given = rand.next() < 0.5 ? rand.pick([...GIVEN]) : rand.pick([...GIVEN]) + rand.pick([...GIVEN]);
  return rand.pick([...SURNAMES]) + given;
}

function creditCode(rand: ReturnType<typeof generator>, kind: TargetKind, used: Set<string>): string {
  const prefix = kind === 'INDIVIDUAL' ? '92' : kind === 'UNIT' ? '12' : '91';
  for (;;) {
    let body = '';
    for (let i = 0; i < 9; i++)
      body += CREDIT_CODE_ALPHABET.charAt(Math.floor(rand.next() * (i < 8 ? 10 : 31)));
    const code = completeCreditCode(`${prefix}410481${body}`);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function item(em: EntityManager, year: number, department: Department, seed: SeedItem): InspectionItem {
  return em.create(InspectionItem, { ...seed, year, department, remarks: seed.remarks ?? null });
}

export async function seedDemo(
  em: EntityManager,
  options: { targets?: number; now?: Date; history?: boolean } = {},
): Promise<void> {
  const rand = generator(20231116);
  const now = options.now ?? new Date();
  const thisYear = chinaYear(now);

  const bureau = em.create(Department, {
    name: '舞钢市自然资源和规划局',
    code: 'WG-ZRZY',
    kind: 'DEPARTMENT',
    parent: null,
  });
  const units = [
    ['办公室', 'WG-ZRZY-BGS', 'SECTION'],
    ['执法监察股', 'WG-ZRZY-ZFJC', 'SECTION'],
    ['规划股', 'WG-ZRZY-GH', 'SECTION'],
    ['测绘地理信息股', 'WG-ZRZY-CH', 'SECTION'],
    ['矿产资源股', 'WG-ZRZY-KC', 'SECTION'],
    ['城区自然资源和规划所', 'WG-ZRZY-CQS', 'STATION'],
    ['尚店自然资源和规划所', 'WG-ZRZY-SDS', 'STATION'],
  ] as const;
  const byCode = new Map<string, Department>([[bureau.code, bureau]]);
  for (const [name, code, kind] of units)
    byCode.set(code, em.create(Department, { name, code, kind, parent: bureau }));
  const market = em.create(Department, {
    name: '舞钢市市场监督管理局',
    code: 'WG-SCJG',
    kind: 'DEPARTMENT',
    parent: null,
  });
  byCode.set(market.code, market);
  byCode.set(
    'WG-SCJG-XY',
    em.create(Department, { name: '信用监督管理股', code: 'WG-SCJG-XY', kind: 'SECTION', parent: market }),
  );

  const itemsOf = new Map<number, InspectionItem[]>();
  for (const year of [2023, thisYear])
    itemsOf.set(
      year,
      SEED_ITEMS.map((seed) => item(em, year, bureau, seed)),
    );
  // The bureau's plan for the current year: the seed document's four items at their listed ratio and
  // frequency (不低于 10% / 30%, once a year).
  const plan = em.create(Plan, {
    name: `舞钢市自然资源和规划局 ${thisYear} 年度“双随机、一公开”抽查计划`,
    year: thisYear,
    department: bureau,
    cooperatingDepartmentIds: [],
    remarks: '依据舞自然资〔2023〕116号实施方案及随机抽查事项清单制定',
  });
  for (const listed of present(itemsOf.get(thisYear), 'itemsOf.get(thisYear)'))
    em.create(PlanItem, {
      plan,
      item: listed,
      ratioBp: listed.minRatioBp,
      timesPerYear: listed.timesPerYear,
      period: null,
    });
  em.create(InspectionItem, {
    year: thisYear,
    department: market,
    seq: 1,
    name: '企业公示信息情况检查',
    legalBasis: '《企业信息公示暂行条例》第十四条',
    inspectingBody: '舞钢市市场监督管理局',
    category: 'GENERAL',
    targetType: '企业',
    minRatioBp: 500,
    timesPerYear: 1,
    methods: ['DOCUMENT', 'ON_SITE'],
    remarks: null,
  });

  const targetTypesByKind: Record<TargetKind, string[][]> = {
    ENTERPRISE: [
      ['企业'],
      ['企业', '办理建设工程规划许可证的单位和个人'],
      ['企业', '舞钢市行政区域内的测绘资质单位'],
    ],
    UNIT: [['办理建设工程规划许可证的单位和个人'], ['舞钢市行政区域内的测绘资质单位']],
    INDIVIDUAL: [['办理建设工程规划许可证的单位和个人']],
    PROJECT: [['办理建设工程规划许可证的单位和个人']],
  };
  const used = new Set<string>();
  const targets: Target[] = [];
  const count = options.targets ?? 2000;
  for (let i = 0; i < count; i++) {
    const r = rand.next();
    const kind: TargetKind = r < 0.7 ? 'ENTERPRISE' : r < 0.82 ? 'UNIT' : r < 0.94 ? 'INDIVIDUAL' : 'PROJECT';
    const region = rand.pick(DEMO_REGIONS);
    const name =
      kind === 'ENTERPRISE'
        ? `舞钢市${rand.pick(WORDS)}${rand.pick(TRADE)}有限公司`
        : kind === 'UNIT'
          ? `舞钢市${region}${rand.pick(['卫生院', '中心学校', '供销社', '水利站', '测绘队', '村委会'])}`
          : kind === 'INDIVIDUAL'
            ? `${personName(rand)}（个体工商户）`
            : `${rand.pick(WORDS)}${rand.pick(['安置房', '产业园', '厂房扩建', '综合楼', '道路改造'])}项目`;
    const risk = rand.next();
    targets.push(
      em.create(Target, {
        name: `${name}${i % 7 === 6 ? `第${1 + (i % 5)}分公司` : ''}`,
        creditCode: creditCode(rand, kind, used),
        kind,
        legalRepresentative: personName(rand),
        address: `舞钢市${region}${rand.pick(WORDS)}路${1 + Math.floor(rand.next() * 300)}号`,
        region,
        contact: `1${Math.floor(30 + rand.next() * 60)}${String(Math.floor(rand.next() * 1e8)).padStart(8, '0')}`,
        tags: rand.next() < 0.3 ? [rand.pick(['投诉举报', '重点监管', '新设立', '规上企业'])] : [],
        riskClass: risk < 0.3 ? 'A' : risk < 0.7 ? 'B' : risk < 0.9 ? 'C' : RISK_CLASSES[3],
        status: rand.next() < 0.04 ? 'DEREGISTERED' : rand.next() < 0.03 ? 'SUSPENDED' : 'ACTIVE',
        targetTypes: rand.pick(targetTypesByKind[kind]),
      }),
    );
  }

  const users = new Map<string, User>();
  for (const demo of DEMO_USERS) {
    users.set(
      demo.username,
      em.create(User, {
        username: demo.username,
        displayName: demo.displayName,
        passwordHash: await hashPassword(`${demo.username}12345`),
        role: demo.role,
        department: present(byCode.get(demo.department), 'byCode.get(demo.department)'),
        active: true,
      }),
    );
  }

  const inspectorUnits = [
    'WG-ZRZY-ZFJC',
    'WG-ZRZY-ZFJC',
    'WG-ZRZY-GH',
    'WG-ZRZY-CH',
    'WG-ZRZY-KC',
    'WG-ZRZY-CQS',
    'WG-ZRZY-SDS',
  ];
  const expertise = ['土地管理', '城乡规划', '测绘', '矿产资源', '地质环境', '土地复垦', '执法监察'];
  const inspectors: Inspector[] = [];
  for (let i = 0; i < 30; i++) {
    const inMarket = i >= 22;
    const from = `${thisYear - 3 + (i % 3)}-0${1 + (i % 9)}-15`;
    const expired = i === 5 || i === 13 || i === 26;
    const until = expired ? `${thisYear - 1}-06-30` : `${thisYear + 2 + (i % 2)}-12-31`;
    inspectors.push(
      em.create(Inspector, {
        name: i === 0 ? '张建华' : personName(rand),
        department: present(
          byCode.get(
            inMarket
              ? 'WG-SCJG-XY'
              : present(
                  inspectorUnits[i % inspectorUnits.length],
                  'inspectorUnits[i % inspectorUnits.length]',
                ),
          ),
          'the department of a demo inspector',
        ),
        certificateNumber: `${inMarket ? 'HN-SJ' : 'HN-ZR'}-${String(41048100 + i * 37).padStart(8, '0')}`,
        certificateValidFrom: from,
        certificateValidUntil: until,
        expertise: inMarket
          ? ['市场监管', '信用监管']
          : [
              present(expertise[i % expertise.length], 'expertise[i % expertise.length]'),
              present(expertise[(i + 3) % expertise.length], 'expertise[(i + 3) % expertise.length]'),
            ],
        status: i === 9 ? 'ON_LEAVE' : i === 17 ? 'TRANSFERRED' : 'ON_DUTY',
        phone: `139${String(37500000 + i * 1013).padStart(8, '0')}`,
        user: i === 0 ? present(users.get('inspector'), 'users.get("inspector")') : null,
      }),
    );
  }

  const reasons = ['近亲属在该单位任职', '曾在该单位工作', '与法定代表人存在利害关系', '持有该企业股份'];
  for (let i = 0; i < 12; i++) {
    em.create(Conflict, {
      inspector: present(inspectors[(i * 7) % inspectors.length], 'inspectors[(i * 7) % inspectors.length]'),
      target: present(targets[(i * 163) % targets.length], 'targets[(i * 163) % targets.length]'),
      reason: present(reasons[i % reasons.length], 'reasons[i % reasons.length]'),
    });
  }
  await em.flush();
  if (options.history) await seedHistory(em, now);
}
