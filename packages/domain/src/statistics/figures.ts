/**
 * The figures of 统计分析, defined once: what each counts (numerator and denominator), its formula in both
 * languages, and the pure function that combines the database's counts into it. The API computes the
 * counts (GROUP BY in the database) and combines them here; the dashboard labels and explains them
 * ("数据说明") from the same table.
 *
 * Figures come in families: a family is one kind of record counted (plans, tasks, visits, …), so every
 * figure of a family can be grouped by the same dimensions and drilled into the same list.
 */
import { text, type Text } from '../text.js';
import { addDays } from './period.js';

/** Certificates whose last day is at most this many days after the cut-off day count as expiring. */
export const CERTIFICATE_WARNING_DAYS = 90;

/**
 * The days a certificate "expires soon" on (its last valid day within CERTIFICATE_WARNING_DAYS from today,
 * today included): the figure of 统计分析 and the administrator's to-do list count the same inspectors, those
 * not transferred away (调离) with their last valid day in this range.
 */
export function certificateExpiryWindow(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, CERTIFICATE_WARNING_DAYS) };
}

/** What is counted. */
export const STAT_FAMILIES = [
  'PLANS',
  'TASKS',
  'VISITS',
  'RATIOS',
  'COVERAGE',
  'BURDEN',
  'INSPECTORS',
  'TARGET_REGISTRY',
  'INSPECTOR_REGISTRY',
] as const;
export type StatFamily = (typeof STAT_FAMILIES)[number];

/** What each family's table is called: its title, on the page and in an export. */
export const FAMILY_LABELS: Readonly<Record<StatFamily, Text>> = {
  PLANS: text('Yearly plans', '年度抽查计划'),
  TASKS: text('Inspection tasks', '抽查任务'),
  VISITS: text('Inspections and results', '检查及结果'),
  RATIOS: text('Ratios attained', '比例达成'),
  COVERAGE: text('Coverage', '覆盖率'),
  BURDEN: text('Burden on targets', '扰民情况'),
  INSPECTORS: text('Inspectors taking part', '检查人员'),
  TARGET_REGISTRY: text('Target registry', '检查对象名录库'),
  INSPECTOR_REGISTRY: text('Inspector registry', '执法检查人员名录库'),
};

/** How a figure's value reads: a count, a share (0–1, shown as a percentage) or a plain number. */
export type FigureKind = 'count' | 'rate' | 'number';

export interface FigureDefinition {
  readonly code: string;
  readonly family: StatFamily;
  readonly kind: FigureKind;
  readonly label: Text;
  /** What it is, as "数据说明" prints it: the formula, or for a count what is counted. */
  readonly formula: Text;
  /** A rate's numerator and denominator: codes of counts of the same family. */
  readonly numerator?: string;
  readonly denominator?: string;
}

const count = (family: StatFamily, code: string, label: Text, formula: Text): FigureDefinition => ({
  code,
  family,
  kind: 'count',
  label,
  formula,
});

const number = (family: StatFamily, code: string, label: Text, formula: Text): FigureDefinition => ({
  code,
  family,
  kind: 'number',
  label,
  formula,
});

const rate = (
  family: StatFamily,
  code: string,
  label: Text,
  numerator: string,
  denominator: string,
  formula: Text,
): FigureDefinition => ({ code, family, kind: 'rate', label, formula, numerator, denominator });

/**
 * Every figure. A visit (检查户次) is one drawn target of one task's draw: it covers every item of the task
 * that applies to the target (进一次门、查多项事), and its result (检查结果) is entered and published as a
 * whole, with a category and a follow-up per item. A visit belongs to the period of the day its draw ran
 * (China time); its state is the state at the cut-off, which is the moment of the request.
 */
export const FIGURES = [
  // 年度抽查计划
  count(
    'PLANS',
    'plans',
    text('Plans', '计划数'),
    text('Yearly plans of the period’s years', '所选期间年度的抽查计划数'),
  ),
  count('PLANS', 'ownPlans', text('Own', '本部门'), text('Plans of one department', '单一部门的计划数')),
  count(
    'PLANS',
    'jointPlans',
    text('Joint', '跨部门'),
    text('Plans with cooperating departments', '有配合部门的计划数'),
  ),
  count(
    'PLANS',
    'plansPending',
    text('Not started', '待执行'),
    text('Plans none of whose rounds has drawn', '尚无轮次完成摇号的计划'),
  ),
  count(
    'PLANS',
    'plansRunning',
    text('In progress', '执行中'),
    text('Plans started and not completed', '已开始、尚未完成的计划'),
  ),
  count(
    'PLANS',
    'plansDone',
    text('Completed', '已完成'),
    text('Plans all of whose rounds are completed', '全部轮次已完成的计划'),
  ),
  count(
    'PLANS',
    'roundsPlanned',
    text('Rounds planned', '计划轮次'),
    text('Rounds the plans’ lines ask for, summed', '计划各事项的抽查轮次之和'),
  ),
  count(
    'PLANS',
    'roundsDone',
    text('Rounds completed', '已完成轮次'),
    text('Rounds whose task has every visit published', '任务全部检查已公示的轮次'),
  ),
  rate(
    'PLANS',
    'planCompletionRate',
    text('Plan completion', '计划完成率'),
    'roundsDone',
    'roundsPlanned',
    text('Rounds completed ÷ rounds planned', '已完成轮次 ÷ 计划轮次'),
  ),
  // 抽查任务
  count(
    'TASKS',
    'tasks',
    text('Tasks', '任务数'),
    text('Tasks whose inspection window starts in the period', '检查开始日期在所选期间内的任务数'),
  ),
  count('TASKS', 'ownTasks', text('Own', '本部门'), text('Tasks of one department', '单一部门的任务数')),
  count(
    'TASKS',
    'jointTasks',
    text('Joint', '跨部门'),
    text('Tasks with cooperating departments', '有配合部门的任务数（联合抽查）'),
  ),
  count(
    'TASKS',
    'planTasks',
    text('From a plan', '年度计划'),
    text('Tasks that are a round of a yearly plan', '属于年度抽查计划的任务数'),
  ),
  count(
    'TASKS',
    'adHocTasks',
    text('Ad hoc', '临时'),
    text('Tasks of no plan', '不属于任何计划的临时任务数'),
  ),
  count(
    'TASKS',
    'tasksPending',
    text('Not drawn', '待执行'),
    text('Tasks whose draw has not run', '尚未摇号的任务'),
  ),
  count(
    'TASKS',
    'tasksRunning',
    text('In progress', '执行中'),
    text('Drawn tasks with a visit not yet published', '已摇号、尚有检查未公示的任务'),
  ),
  count(
    'TASKS',
    'tasksDone',
    text('Completed', '已完成'),
    text('Drawn tasks with every visit published', '已摇号且全部检查已公示的任务'),
  ),
  rate(
    'TASKS',
    'taskCompletionRate',
    text('Task completion', '任务完成率'),
    'tasksDone',
    'tasks',
    text('Completed tasks ÷ tasks', '已完成任务 ÷ 任务数'),
  ),
  rate(
    'TASKS',
    'jointTaskShare',
    text('Joint share (tasks)', '联合抽查占比（任务）'),
    'jointTasks',
    'tasks',
    text('Joint tasks ÷ tasks', '跨部门联合任务 ÷ 任务数'),
  ),
  // 检查（户次）and their results
  count(
    'VISITS',
    'due',
    text('Due', '应检查'),
    text('Visits drawn in the period (drawn and locked)', '所选期间内摇号抽中并锁定的检查户次'),
  ),
  count(
    'VISITS',
    'pendingEntry',
    text('Awaiting entry', '待录入'),
    text('Visits whose result is not entered', '尚未录入结果的检查'),
  ),
  count(
    'VISITS',
    'inEntry',
    text('In entry', '录入中'),
    text('Visits awaiting review or rejected', '待审核或审核不通过的检查'),
  ),
  count(
    'VISITS',
    'published',
    text('Published', '已公示'),
    text('Visits whose result is published', '结果已公示的检查'),
  ),
  rate(
    'VISITS',
    'completionRate',
    text('Completion', '抽查完成率'),
    'published',
    'due',
    text('Published ÷ due', '已公示 ÷ 应检查'),
  ),
  count(
    'VISITS',
    'problem',
    text('Problems found', '发现问题'),
    text(
      'Published visits with an item result in a category that counts as a problem',
      '已公示且有事项结果属于“发现问题”类别的检查',
    ),
  ),
  rate(
    'VISITS',
    'problemRate',
    text('Problem rate', '问题发现率'),
    'problem',
    'published',
    text('Published results with a problem ÷ published results', '发现问题的已公示结果 ÷ 已公示结果'),
  ),
  count(
    'VISITS',
    'closed',
    text('Closed', '已完结'),
    text('Results with a problem whose every follow-up is closed', '发现问题且后续处置全部完结的结果'),
  ),
  rate(
    'VISITS',
    'closureRate',
    text('Closure', '完结率'),
    'closed',
    'problem',
    text('Closed follow-ups ÷ results with a problem', '后续处置已完结 ÷ 发现问题的结果'),
  ),
  count(
    'VISITS',
    'onTime',
    text('Published on time', '按时公示'),
    text(
      'Published within 20 working days after the task’s window ends',
      '在任务检查结束后 20 个工作日内公示',
    ),
  ),
  rate(
    'VISITS',
    'onTimeRate',
    text('On-time publication', '公示及时率'),
    'onTime',
    'published',
    text('Published on time ÷ published', '按时公示 ÷ 已公示'),
  ),
  count(
    'VISITS',
    'overdue',
    text('Overdue', '逾期未公示'),
    text('Visits past their publication deadline and not published', '已过公示期限仍未公示的检查'),
  ),
  count(
    'VISITS',
    'jointVisits',
    text('Joint visits', '联合检查户次'),
    text('Visits of joint tasks', '跨部门联合任务的检查户次'),
  ),
  rate(
    'VISITS',
    'jointVisitShare',
    text('Joint share (visits)', '联合抽查占比（户次）'),
    'jointVisits',
    'due',
    text('Visits of joint tasks ÷ visits', '联合检查户次 ÷ 应检查'),
  ),
  count(
    'VISITS',
    'visitsSaved',
    text('Visits saved', '减少检查户次'),
    text(
      'Visits separate tasks would have made minus visits made: a visit covering k items of a task of d departments (joint tasks and merges) replaced max(k, d) − 1 visits, summed over the visits',
      '分别检查应检查的户次减去实际检查户次：一次检查覆盖 k 个事项、所属任务有 d 个部门（联合抽查、合并任务）即减少 max(k, d) − 1 户次，按检查户次求和',
    ),
  ),
  // 比例达成
  count(
    'RATIOS',
    'pool',
    text('Eligible pool', '抽查基数'),
    text(
      'Targets eligible for the item in the draws run in the period, summed over the draws (without an item: the draws’ whole pools)',
      '所选期间进行的摇号中该事项的可抽取对象数，按摇号求和（不按事项时：摇号的全部可抽取对象）',
    ),
  ),
  count(
    'RATIOS',
    'drawn',
    text('Drawn', '抽查户数'),
    text(
      'Visits of those draws covering the item (without an item: all their visits)',
      '这些摇号中覆盖该事项的检查户次（不按事项时：全部检查户次）',
    ),
  ),
  rate(
    'RATIOS',
    'attainedRatio',
    text('Ratio attained', '比例达成'),
    'drawn',
    'pool',
    text(
      'Drawn ÷ eligible pool, against the item’s minimum ratio',
      '抽查户数 ÷ 抽查基数，对照事项的最低抽查比例',
    ),
  ),
  number(
    'RATIOS',
    'minimumRatio',
    text('Minimum ratio', '最低抽查比例'),
    text(
      'The item’s minimum ratio (抽查比例) on the item list; shown for one item only',
      '抽查事项清单规定的最低抽查比例（仅按单一事项显示）',
    ),
  ),
  count(
    'RATIOS',
    'belowMinimum',
    text('Draws below the minimum', '未达比例次数'),
    text(
      'Draws whose ratio for an item (its visits ÷ its eligible pool in that draw) is below the minimum the list set when the draw was scheduled, counted per item',
      '某事项实际抽查比例（该次摇号中该事项检查户次 ÷ 该事项可抽取对象数）低于安排摇号时清单最低比例的次数，按事项计',
    ),
  ),
  // 覆盖率
  count(
    'COVERAGE',
    'inspectedTargets',
    text('Targets inspected', '已检查对象'),
    text(
      'Distinct targets with a result entered for a visit drawn in the period; grouped by region, kind or risk class, a target counts in the group of its first such visit (as it was when drawn)',
      '所选期间抽中且已录入检查结果的不同检查对象数；按区域、类型或风险分类时，计入其期间内首次此类检查（摇号时的属性）所在组',
    ),
  ),
  count(
    'COVERAGE',
    'activeTargets',
    text('Targets in the registry', '在册对象'),
    text(
      'Active targets of the registry now, of the region, kind and risk class asked for (for an item: of its target type)',
      '名录库中当前存续的检查对象数，按所选区域、类型和风险分类（按事项时为其检查对象类型）',
    ),
  ),
  rate(
    'COVERAGE',
    'coverageRate',
    text('Coverage', '覆盖率'),
    'inspectedTargets',
    'activeTargets',
    text(
      'Distinct targets inspected ÷ active targets in the registry',
      '已检查的不同对象数 ÷ 名录库存续对象数',
    ),
  ),
  // 扰民
  count(
    'BURDEN',
    'repeatSameItem',
    text('Repeated for one item', '同一事项重复检查'),
    text(
      'Targets with a visit drawn in the period for an item they had already been visited for (an item is on one year’s list; should be 0)',
      '所选期间内因已检查过的同一事项（事项属于某一年度清单）再次被抽中检查的对象数（应为 0）',
    ),
  ),
  count(
    'BURDEN',
    'multiDepartmentQuarter',
    text('Several departments in a quarter', '同季度多部门检查'),
    text(
      'Targets with a visit drawn in the period in a quarter in which tasks of several departments, none of them joint, visited them',
      '所选期间内有检查、且该季度被多个部门的非联合任务分别检查的对象数',
    ),
  ),
  // 检查人员
  count(
    'INSPECTORS',
    'inspectorVisits',
    text('Inspector-visits', '参与检查人员（人次）'),
    text('Team places on the period’s visits', '所选期间检查的检查组成员人次'),
  ),
  count(
    'INSPECTORS',
    'distinctInspectors',
    text('Inspectors taking part', '参与检查人数'),
    text('Distinct inspectors on the period’s visits', '参与所选期间检查的不同人员数'),
  ),
  number(
    'INSPECTORS',
    'assignmentsMin',
    text('Fewest visits', '人均检查（最少）'),
    text('Fewest visits of an inspector taking part', '参与人员中检查户次最少者'),
  ),
  number(
    'INSPECTORS',
    'assignmentsMedian',
    text('Median visits', '人均检查（中位数）'),
    text(
      'Median of the visits per inspector taking part (the mean of the middle two when their number is even)',
      '参与人员检查户次的中位数（人数为偶数时取中间两数的平均）',
    ),
  ),
  number(
    'INSPECTORS',
    'assignmentsMax',
    text('Most visits', '人均检查（最多）'),
    text('Most visits of an inspector taking part', '参与人员中检查户次最多者'),
  ),
  count(
    'INSPECTORS',
    'expiringCertificates',
    text('Certificates expiring', `证件 ${CERTIFICATE_WARNING_DAYS} 天内到期`),
    text(
      `Inspectors on the register (on duty or on leave) whose certificate’s last day is within ${CERTIFICATE_WARNING_DAYS} days of the cut-off day; by month, under the month it expires in`,
      `截至日起 ${CERTIFICATE_WARNING_DAYS} 天内执法证到期的在册人员（在岗或休假）；按月统计时计入到期月份`,
    ),
  ),
  // 名录库
  count(
    'TARGET_REGISTRY',
    'targets',
    text('Targets', '检查对象'),
    text('Targets in the registry (not deleted)', '名录库中的检查对象数'),
  ),
  count(
    'INSPECTOR_REGISTRY',
    'inspectors',
    text('Inspectors', '执法检查人员'),
    text('Inspectors in the registry (not deleted)', '名录库中的执法检查人员数'),
  ),
] as const satisfies readonly FigureDefinition[];

export type FigureCode = (typeof FIGURES)[number]['code'];

const BY_CODE = new Map<string, FigureDefinition>(FIGURES.map((f) => [f.code, f]));

/** The definition of a figure, or undefined for an unknown code. */
export function figure(code: string): FigureDefinition | undefined {
  return BY_CODE.get(code);
}

/** The figures of a family, in the order a table shows them. */
export function figuresOf(family: StatFamily): readonly FigureDefinition[] {
  return FIGURES.filter((f) => f.family === family);
}

/** The counts the database must compute for a family: every figure that is not a rate. */
export function countsOf(family: StatFamily): readonly string[] {
  return figuresOf(family)
    .filter((f) => f.kind !== 'rate')
    .map((f) => f.code);
}

/** A share, or null when there is nothing to divide by (shown as "—", never as 0 %). */
export function share(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * A row of figures from the database's counts: counts and numbers as given (missing: 0), rates combined
 * from their numerator and denominator.
 */
export function combineFigures(
  family: StatFamily,
  counts: Readonly<Record<string, number | null | undefined>>,
): Record<string, number | null> {
  const row: Record<string, number | null> = {};
  for (const f of figuresOf(family)) {
    if (f.kind === 'rate') {
      // rate() gives every rate both codes.
      const numerator = f.numerator === undefined ? 0 : (counts[f.numerator] ?? 0);
      const denominator = f.denominator === undefined ? 0 : (counts[f.denominator] ?? 0);
      row[f.code] = share(numerator, denominator);
    } else if (f.kind === 'number') row[f.code] = counts[f.code] ?? null;
    else row[f.code] = counts[f.code] ?? 0;
  }
  return row;
}

/**
 * The cards on top of 统计分析, each with the previous period's value beside it: the figure and the
 * family whose table computes it.
 */
export const KPI_FIGURES = [
  'due',
  'published',
  'completionRate',
  'coverageRate',
  'problemRate',
  'jointVisitShare',
  'onTimeRate',
  'closureRate',
] as const satisfies readonly FigureCode[];
