/**
 * react-admin's data provider over the suiji GraphQL API (a small one over fetch: see STACK-NOTES, pitfall 6).
 * Besides the standard methods it offers `exportFile`, `importFile` and `choices` for the custom pages.
 */
import {
  HttpError,
  type DataProvider,
  type GetListParams,
  type GetManyReferenceParams,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import type {
  ClosureOutcome,
  EntropySource,
  PublicExclusionReason,
  PeriodKind,
  ReplacementReason,
  StatDimension,
  StatFamily,
  StatisticsRequest,
} from '@suiji/domain';
import { gql } from './graphql';
import { ANSWER_FIELDS, specOf, type ResourceSpec } from './resources';

/** A file as the API sends it. */
export interface FileDownload {
  filename: string;
  mimeType: string;
  contentBase64: string;
}

export interface ImportRowError {
  row: number;
  column: string | null;
  message: string;
  hint: string | null;
}

export interface ImportReport {
  ok: boolean;
  imported: number;
  /** Data rows read from the file. */
  rows?: number;
  /** The first problems (the API lists at most 1,000). */
  errors: ImportRowError[];
  /** Every problem found, listed or not. */
  errorCount: number;
}

export type ImportKind = 'targets' | 'inspectors';

export interface SuijiDataProvider extends DataProvider {
  exportFile(resource: string, filter: Record<string, unknown>): Promise<FileDownload>;
  importFile(kind: ImportKind, file: { filename: string; contentBase64: string }): Promise<ImportReport>;
  /** An empty sheet with the columns an import expects. */
  importTemplate(kind: ImportKind): Promise<FileDownload>;
  /** Values in use, offered as choices: `targetTypes`, `regions` or `targetTags`. */
  choices(kind: 'targetTypes' | 'regions' | 'targetTags'): Promise<string[]>;
  /** Freezes the pool and publishes the commitment of a task's draw (one per task, covering all its items). */
  scheduleDraw(input: ScheduleDrawInput): Promise<RaRecord>;
  /** Runs a scheduled draw with the public entropy, once. */
  runDraw(input: { drawId: string; publicEntropy: string }): Promise<RaRecord>;
  /** Replaces a member of an inspection's team by lot. */
  replaceInspector(input: ReplaceInspectorInput): Promise<RaRecord>;
  /** Enters the result of an inspection (by a member of its team); it then awaits review. */
  enterResult(input: ResultInput): Promise<RaRecord>;
  /** Publishes (公示) or rejects a result awaiting review. */
  reviewResult(input: ReviewInput): Promise<RaRecord>;
  /** Publishes several results awaiting review in one transaction: one refused refuses them all. */
  publishResults(inspectionIds: string[]): Promise<{ id: string; state: string }[]>;
  /** Records how the follow-up of one item's problem ended; answers with the inspection. */
  closeFollowUp(inspectionId: string, itemId: string, input: CloseFollowUpInput): Promise<RaRecord>;
  /** The server's recomputation of a draw's record. */
  verifyDraw(id: string): Promise<DrawVerification>;
  /** The server's recomputation of the whole trail's hash chain. */
  verifyTrail(): Promise<TrailVerification>;
  /** 一公开: an entity's public page by its credit code; null unless it has a published result. */
  publicEntity(creditCode: string): Promise<PublicEntity | null>;
  /** 一公开: where the entities matching a name or credit code stood in one draw. */
  publicDrawCheck(drawId: string, q: string): Promise<PublicDrawCheck>;
  /** A cooperating department accepts a joint task, or declines it with a reason. */
  answerTask(taskId: string, accept: boolean, reason?: string): Promise<RaRecord>;
  /** The merge proposals of a quarter: those made, and suggestions (id null). */
  mergeProposals(year: number, quarter: number): Promise<MergeProposal[]>;
  /** 待办: the merge proposals awaiting the user's department's answer, oldest first, and their total. */
  mergeProposalsAwaiting(page: {
    page: number;
    perPage: number;
  }): Promise<{ items: AwaitingMergeProposal[]; total: number }>;
  /** Proposes to merge tasks into one joint task; the proposer's department accepts by proposing. */
  proposeMerge(taskIds: string[]): Promise<MergeProposal>;
  /** Accepts a merge proposal for the user's department, or declines it with a reason. */
  respondToMergeProposal(id: string, accept: boolean, reason?: string): Promise<MergeProposal>;
  /** 统计分析: one family's figures over a period, grouped by up to two dimensions, with the 合计 row. */
  statistics(request: StatisticsRequest): Promise<StatisticsTable>;
  /** The cards of 统计分析: each headline figure over the period, beside the previous period's. */
  statisticsSummary(request: Pick<StatisticsRequest, 'period' | 'filter'>): Promise<StatisticsSummary>;
  /** The statistics table as shown, as .xlsx made by the API. */
  exportStatistics(request: StatisticsRequest): Promise<FileDownload>;
  /** 一公开: visits drawn, results published and problems by department and year, for anyone. */
  publicStatistics(filter: PublicStatisticsFilter): Promise<PublicStatistics>;
}

/** The API's `StatisticsPeriod`: the period a table covers, labelled in the reader's language. */
export interface StatisticsPeriod {
  kind: PeriodKind;
  from: string;
  to: string;
  label: string;
}

/** The API's `StatisticsRow`: the group's keys, their names, and the figures in the table's order. */
export interface StatisticsRow {
  keys: string[];
  labels: string[];
  values: (number | null)[];
}

/** The API's `StatisticsTable`. */
export interface StatisticsTable {
  family: StatFamily;
  groupBy: StatDimension[];
  /** Figure codes of the columns, as the domain's `FIGURES` define them. */
  figures: string[];
  period: StatisticsPeriod;
  /** ISO instant the figures are exact at (截至). */
  cutOff: string;
  rows: StatisticsRow[];
  total: StatisticsRow;
}

/** The API's `StatisticsKpi`: a card's figure, with a rate's numerator and denominator. */
export interface StatisticsKpi {
  figure: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  previous: number | null;
}

/** The API's `StatisticsSummary`. */
export interface StatisticsSummary {
  period: StatisticsPeriod;
  previousPeriod: StatisticsPeriod | null;
  cutOff: string;
  kpis: StatisticsKpi[];
}

/** The API's `PublicStatisticsFilter`: one year (else the latest years) and one department (else all). */
export interface PublicStatisticsFilter {
  year?: number | null;
  departmentId?: string | null;
}

/** The API's `PublicStatisticsFigures`: the domain's `PUBLIC_FIGURES` (`drawn` is `due`, `problems` is `problem`). */
export interface PublicStatisticsFigures {
  drawn: number;
  published: number;
  problems: number;
  problemRate: number | null;
  onTime: number;
  onTimeRate: number | null;
}

/** The API's `PublicStatisticsRow`: a department's figures of one year. */
export interface PublicStatisticsRow extends PublicStatisticsFigures {
  departmentId: string;
  departmentName: string;
  year: number;
}

/** The API's `PublicStatistics`. */
export interface PublicStatistics {
  fromYear: number;
  toYear: number;
  /** ISO instant the figures are exact at (截至). */
  cutOff: string;
  rows: PublicStatisticsRow[];
  /** 合计, over the whole table (a joint task's visit once). */
  total: PublicStatisticsFigures;
}

const PUBLIC_FIGURE_FIELDS = 'drawn published problems problemRate onTime onTimeRate';

const PERIOD_FIELDS = 'kind from to label';
const STATISTICS_ROW_FIELDS = 'keys labels values';
const STATISTICS_ARGS =
  '$family: StatFamily!, $period: PeriodInput!, $groupBy: [StatDimension!]!, $filter: StatisticsFilterInput';
const STATISTICS_VALUES = 'family: $family, period: $period, groupBy: $groupBy, filter: $filter';

/** The variables of a statistics operation: the period's own fields only, and no empty filter. */
function statisticsVariables(request: StatisticsRequest): Record<string, unknown> {
  const { kind, year, quarter, month, from, to } = request.period;
  const period =
    kind === 'RANGE'
      ? { kind, from, to }
      : kind === 'QUARTER'
        ? { kind, year, quarter }
        : kind === 'MONTH'
          ? { kind, year, month }
          : { kind, year };
  const filter = Object.fromEntries(
    Object.entries(request.filter ?? {}).filter(([, v]) => v != null && v !== ''),
  );
  return { family: request.family, groupBy: [...request.groupBy], period, filter };
}

/** A department's answer to a joint task or to a merge proposal. */
export interface DepartmentAnswer {
  departmentId: string;
  departmentName: string;
  state: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  answeredByName: string | null;
  answeredAt: string | null;
  reason: string | null;
}

/** The API's `MergeProposal`. */
export interface MergeProposal {
  /** Null for a suggestion not yet proposed. */
  id: string | null;
  state: 'SUGGESTED' | 'OPEN' | 'ACCEPTED' | 'DECLINED';
  year: number;
  quarter: number;
  taskIds: string[];
  tasks: { id: string; name: string; departmentId: string; windowStart: string; windowEnd: string }[];
  departmentIds: string[];
  departments: { id: string; name: string }[];
  targetCount: number;
  separateVisits: number;
  jointVisits: number;
  visitsSaved: number;
  mergedTaskId: string | null;
  responses: DepartmentAnswer[];
}

/** A merge proposal as a to-do entry names it: its own fields only, so a page costs one statement. */
export type AwaitingMergeProposal = Pick<MergeProposal, 'year' | 'quarter' | 'visitsSaved'> & {
  id: string;
  createdAt: string;
};

const MERGE_FIELDS = `id state year quarter taskIds tasks { id name departmentId windowStart windowEnd } departmentIds
  departments { id name } targetCount separateVisits jointVisits visitsSaved mergedTaskId responses { ${ANSWER_FIELDS} }`;

/** The API's `ScheduleDrawInput`: ratios left out default, per class, to the highest of the task's items'. */
export interface ScheduleDrawInput {
  taskId: string;
  /** The public entropy source (公开随机源), declared now; `publishedAt` ISO, absent for a beacon. */
  entropy: { source: EntropySource; issue: string; publishedAt?: string };
  ratios?: { riskClass: string; ratioBp: number }[];
  /** ISO date-time; absent: now. */
  runAfter?: string;
  expertise?: string;
}

/** The API's `ReplaceInspectorInput`: why by code (published with the draw), and a note for the trail only. */
export interface ReplaceInspectorInput {
  inspectionId: string;
  inspectorId: string;
  reason: ReplacementReason;
  note?: string;
}

/** The API's `ItemResultInput`: the result for one item of the visit. */
export interface ItemResultInput {
  itemId: string;
  /** A result category's code: a standard one or one of the task's departments'. */
  category: string;
  findings: string;
  followUp: string;
}

/** The API's `ResultInput`: one visit, its date and methods, and a result for each item it covers. */
export interface ResultInput {
  inspectionId: string;
  /** YYYY-MM-DD */
  inspectedOn: string;
  methodsUsed: string[];
  items: ItemResultInput[];
  /** The result's enteredAt as the form saw it (null: not entered before): the API refuses a stale form. */
  enteredAtSeen?: string | null;
}

/** The API's `ReviewInput`: approve publishes; a rejection needs a comment. */
export interface ReviewInput {
  inspectionId: string;
  approve: boolean;
  comment?: string;
}

/** The API's `CloseFollowUpInput`. */
export interface CloseFollowUpInput {
  /** YYYY-MM-DD */
  closedOn: string;
  outcome: ClosureOutcome;
  note?: string;
}

export interface DrawVerification {
  ok: boolean;
  /** The first field of the record that differs. */
  field: string | null;
}

/** The API's `PublicEntity`. */
export interface PublicEntity {
  name: string;
  creditCode: string;
  region: string;
  publishedCount: number;
}

/** The API's `PublicPoolEntry`: where an entity stood in a draw (not its stratum, a risk class). */
export interface PublicPoolEntry {
  targetName: string;
  creditCode: string;
  inPool: boolean;
  excludedReason: PublicExclusionReason | null;
  /** null until the draw has run */
  drawn: boolean | null;
}

/** The API's `PublicDrawCheck`. */
export interface PublicDrawCheck {
  matches: PublicPoolEntry[];
  /** More entities match than are shown. */
  more: boolean;
}

/** The API's `TrailVerification`. */
export interface TrailVerification {
  ok: boolean;
  /** Entries found intact (before the first broken one). */
  checked: number;
  /** The first entry that does not hold. */
  brokenSeq: number | null;
  /** What is wrong with it, as the API words it. */
  problem: string | null;
}

/** The most records asked for in one request when resolving references. */
const MAX_PER_PAGE = 100;

/** Keeps the filter fields the API knows, dropping empty values (react-admin leaves '' and null behind). */
export function toFilter(
  spec: ResourceSpec,
  filter: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (key !== 'q' && key !== 'ids' && !spec.filters.includes(key)) continue;
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0 && key !== 'ids') continue;
    result[key] = key === 'ids' && Array.isArray(value) ? value.map(String) : value;
  }
  return result;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The input of a create or update mutation: only the fields the input type declares, never `id`, stamps or
 * nested objects. An update sends only what changed from `previous`. A null is sent only to a nullable field.
 */
export function toInput(
  fields: readonly string[],
  nullable: readonly string[],
  data: Partial<RaRecord>,
  previous?: Partial<RaRecord>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in data)) continue;
    const value: unknown = data[field];
    if (value === undefined) continue;
    if (value === null && !nullable.includes(field)) continue;
    if (previous && sameValue(value, previous[field])) continue;
    input[field] = value;
  }
  return input;
}

export function listQuery(spec: ResourceSpec): string {
  if (spec.sortable === false)
    return `query List($filter: ${spec.filterType}, $page: PageInput) {
  ${spec.list}(filter: $filter, page: $page) { items { ${spec.fields} } total }
}`;
  return `query List($filter: ${spec.filterType}, $sort: SortInput, $page: PageInput) {
  ${spec.list}(filter: $filter, sort: $sort, page: $page) { items { ${spec.fields} } total }
}`;
}

/** The selection of one record: the list's fields and those asked for one record only. */
export function oneSelection(spec: ResourceSpec): string {
  return spec.oneFields ? `${spec.fields} ${spec.oneFields}` : spec.fields;
}

export function oneQuery(spec: ResourceSpec): string {
  return `query One($id: ID!) { ${operation(spec, 'one')}(id: $id) { ${oneSelection(spec)} } }`;
}

/** The name of an operation the resource offers; a resource without it refuses, as the API would. */
function operation(spec: ResourceSpec, key: 'one' | 'create' | 'update' | 'remove' | 'exportQuery'): string {
  const name = spec[key];
  if (!name) throw new HttpError('ra.notification.not_authorized', 403);
  return name;
}

export function createMutation(spec: ResourceSpec): string {
  return `mutation Create($input: ${spec.createInputType ?? ''}!) { ${operation(spec, 'create')}(input: $input) { ${oneSelection(spec)} } }`;
}

export function updateMutation(spec: ResourceSpec): string {
  return `mutation Update($id: ID!, $input: ${spec.updateInputType ?? ''}!) { ${operation(spec, 'update')}(id: $id, input: $input) { ${oneSelection(spec)} } }`;
}

export function deleteMutation(spec: ResourceSpec): string {
  return `mutation Delete($id: ID!) { ${operation(spec, 'remove')}(id: $id) { ${oneSelection(spec)} } }`;
}

export function exportQuery(spec: ResourceSpec): string {
  return `query Export($filter: ${spec.filterType}) { ${operation(spec, 'exportQuery')}(filter: $filter) { filename mimeType contentBase64 } }`;
}

const IMPORT_MUTATIONS: Record<ImportKind, string> = {
  targets: 'importTargets',
  inspectors: 'importInspectors',
};

export function importMutation(kind: ImportKind): string {
  return `mutation Import($file: FileInput!) { ${IMPORT_MUTATIONS[kind]}(file: $file) { ok imported rows errorCount errors { row column message hint } } }`;
}

/** The variables of a list query from react-admin's list parameters. */
export function listVariables(
  spec: ResourceSpec,
  params: Pick<GetListParams, 'filter' | 'sort' | 'pagination'>,
): Record<string, unknown> {
  const filter = toFilter(spec, params.filter);
  const variables: Record<string, unknown> = { filter };
  // react-admin sorts by `id` unless told otherwise; the API's default order already ends on id.
  if (spec.sortable !== false && params.sort?.field && params.sort.field !== 'id')
    variables.sort = { field: params.sort.field, order: params.sort.order === 'DESC' ? 'DESC' : 'ASC' };
  if (params.pagination)
    variables.page = { page: params.pagination.page, perPage: params.pagination.perPage };
  return variables;
}

interface Page {
  items: RaRecord[];
  total: number;
}

async function fetchPage(spec: ResourceSpec, variables: Record<string, unknown>): Promise<Page> {
  const data = await gql<Record<string, Page>>(listQuery(spec), variables);
  const page = data[spec.list];
  if (!page) throw new HttpError('ra.notification.http_error', 500);
  return page;
}

async function fetchOne(spec: ResourceSpec, id: Identifier): Promise<RaRecord> {
  const data = await gql<Record<string, RaRecord | null>>(oneQuery(spec), { id: String(id) });
  const record = data[operation(spec, 'one')];
  if (!record) throw new HttpError('ra.notification.item_doesnt_exist', 404);
  return record;
}

async function mutate(query: string, name: string, variables: Record<string, unknown>): Promise<RaRecord> {
  const data = await gql<Record<string, RaRecord>>(query, variables);
  const record = data[name];
  if (!record) throw new HttpError('ra.notification.http_error', 500);
  return record;
}

export const dataProvider: SuijiDataProvider = {
  async getList<R extends RaRecord>(resource: string, params: GetListParams) {
    const spec = specOf(resource);
    const page = await fetchPage(spec, listVariables(spec, params));
    return { data: page.items as R[], total: page.total };
  },

  async getOne<R extends RaRecord>(resource: string, params: { id: Identifier }) {
    return { data: (await fetchOne(specOf(resource), params.id)) as R };
  },

  async getMany<R extends RaRecord>(resource: string, params: { ids: Identifier[] }) {
    const spec = specOf(resource);
    const ids = [...new Set(params.ids.map(String))];
    const data: RaRecord[] = [];
    for (let i = 0; i < ids.length; i += MAX_PER_PAGE) {
      const chunk = ids.slice(i, i + MAX_PER_PAGE);
      const page = await fetchPage(spec, {
        filter: { ids: chunk },
        page: { page: 1, perPage: chunk.length },
      });
      data.push(...page.items);
    }
    return { data: data as R[] };
  },

  async getManyReference<R extends RaRecord>(resource: string, params: GetManyReferenceParams) {
    const spec = specOf(resource);
    const page = await fetchPage(
      spec,
      listVariables(spec, { ...params, filter: { ...params.filter, [params.target]: params.id } }),
    );
    return { data: page.items as R[], total: page.total };
  },

  async create(resource, params) {
    const spec = specOf(resource);
    const input = toInput(spec.createFields, spec.nullable, params.data);
    return { data: await mutate(createMutation(spec), operation(spec, 'create'), { input }) } as never;
  },

  async update(resource, params) {
    const spec = specOf(resource);
    const previous = spec.fullUpdate ? undefined : params.previousData;
    const input = toInput(spec.updateFields, spec.nullable, params.data, previous);
    return {
      data: await mutate(updateMutation(spec), operation(spec, 'update'), { id: String(params.id), input }),
    } as never;
  },

  async updateMany(resource, params) {
    const spec = specOf(resource);
    const input = toInput(spec.updateFields, spec.nullable, params.data);
    const ids: Identifier[] = [];
    for (const id of params.ids) {
      await mutate(updateMutation(spec), operation(spec, 'update'), { id: String(id), input });
      ids.push(id);
    }
    return { data: ids };
  },

  async delete(resource, params) {
    const spec = specOf(resource);
    return {
      data: await mutate(deleteMutation(spec), operation(spec, 'remove'), { id: String(params.id) }),
    } as never;
  },

  async deleteMany(resource, params) {
    const spec = specOf(resource);
    const ids: Identifier[] = [];
    for (const id of params.ids) {
      await mutate(deleteMutation(spec), operation(spec, 'remove'), { id: String(id) });
      ids.push(id);
    }
    return { data: ids };
  },

  async exportFile(resource, filter) {
    const spec = specOf(resource);
    const data = await gql<Record<string, FileDownload>>(exportQuery(spec), {
      filter: toFilter(spec, filter),
    });
    const file = data[operation(spec, 'exportQuery')];
    if (!file) throw new HttpError('ra.notification.http_error', 500);
    return file;
  },

  async importFile(kind, file) {
    const data = await gql<Record<string, ImportReport>>(importMutation(kind), { file });
    const report = data[IMPORT_MUTATIONS[kind]];
    if (!report) throw new HttpError('ra.notification.http_error', 500);
    return report;
  },

  async importTemplate(kind) {
    const data = await gql<{ importTemplate: FileDownload }>(
      'query Template($registry: ImportRegistry!) { importTemplate(registry: $registry) { filename mimeType contentBase64 } }',
      { registry: kind.toUpperCase() },
    );
    return data.importTemplate;
  },

  async scheduleDraw(input) {
    const draws = specOf('draws');
    return mutate(
      `mutation Schedule($input: ScheduleDrawInput!) { scheduleDraw(input: $input) { ${draws.fields} } }`,
      'scheduleDraw',
      { input },
    );
  },

  async runDraw(input) {
    const draws = specOf('draws');
    return mutate(
      `mutation Run($input: RunDrawInput!) { runDraw(input: $input) { ${draws.fields} } }`,
      'runDraw',
      { input },
    );
  },

  async replaceInspector(input) {
    const inspections = specOf('inspections');
    return mutate(
      `mutation Replace($input: ReplaceInspectorInput!) { replaceInspector(input: $input) { ${inspections.fields} } }`,
      'replaceInspector',
      { input },
    );
  },

  async enterResult(input) {
    const inspections = specOf('inspections');
    return mutate(
      `mutation Enter($input: ResultInput!) { enterResult(input: $input) { ${inspections.fields} } }`,
      'enterResult',
      { input },
    );
  },

  async reviewResult(input) {
    const inspections = specOf('inspections');
    return mutate(
      `mutation Review($input: ReviewInput!) { reviewResult(input: $input) { ${inspections.fields} } }`,
      'reviewResult',
      { input },
    );
  },

  async publishResults(inspectionIds) {
    const data = await gql<{ publishResults: { id: string; state: string }[] }>(
      'mutation PublishResults($inspectionIds: [ID!]!) { publishResults(inspectionIds: $inspectionIds) { id state } }',
      { inspectionIds },
    );
    return data.publishResults;
  },

  async closeFollowUp(inspectionId, itemId, input) {
    const inspections = specOf('inspections');
    return mutate(
      `mutation CloseFollowUp($inspectionId: ID!, $itemId: ID!, $input: CloseFollowUpInput!) { closeFollowUp(inspectionId: $inspectionId, itemId: $itemId, input: $input) { ${inspections.fields} } }`,
      'closeFollowUp',
      { inspectionId, itemId, input },
    );
  },

  async verifyDraw(id) {
    const data = await gql<{ verifyDraw: DrawVerification }>(
      'query Verify($id: ID!) { verifyDraw(id: $id) { ok field } }',
      { id },
    );
    return data.verifyDraw;
  },

  async verifyTrail() {
    const data = await gql<{ verifyTrail: TrailVerification }>(
      'query VerifyTrail { verifyTrail { ok checked brokenSeq problem } }',
    );
    return data.verifyTrail;
  },

  async answerTask(taskId, accept, reason) {
    const tasks = specOf('tasks');
    return accept
      ? mutate(
          `mutation Accept($taskId: ID!) { acceptTask(taskId: $taskId) { ${tasks.fields} } }`,
          'acceptTask',
          {
            taskId,
          },
        )
      : mutate(
          `mutation Decline($taskId: ID!, $reason: String!) { declineTask(taskId: $taskId, reason: $reason) { ${tasks.fields} } }`,
          'declineTask',
          { taskId, reason: reason ?? '' },
        );
  },

  async mergeProposals(year, quarter) {
    const data = await gql<{ mergeProposals: MergeProposal[] }>(
      `query Merges($year: Int!, $quarter: Int!) { mergeProposals(year: $year, quarter: $quarter) { ${MERGE_FIELDS} } }`,
      { year, quarter },
    );
    return data.mergeProposals;
  },

  async mergeProposalsAwaiting(page) {
    const data = await gql<{ mergeProposalsAwaiting: { items: AwaitingMergeProposal[]; total: number } }>(
      'query Awaiting($page: PageInput) { mergeProposalsAwaiting(page: $page) { items { id year quarter visitsSaved createdAt } total } }',
      { page },
    );
    return data.mergeProposalsAwaiting;
  },

  async proposeMerge(taskIds) {
    const data = await gql<{ proposeMerge: MergeProposal }>(
      `mutation Propose($taskIds: [ID!]!) { proposeMerge(taskIds: $taskIds) { ${MERGE_FIELDS} } }`,
      { taskIds },
    );
    return data.proposeMerge;
  },

  async respondToMergeProposal(id, accept, reason) {
    const data = await gql<{ respondToMergeProposal: MergeProposal }>(
      `mutation Respond($id: ID!, $accept: Boolean!, $reason: String) { respondToMergeProposal(id: $id, accept: $accept, reason: $reason) { ${MERGE_FIELDS} } }`,
      { id, accept, reason: reason ?? null },
    );
    return data.respondToMergeProposal;
  },

  async statistics(request) {
    const data = await gql<{ statistics: StatisticsTable }>(
      `query Statistics(${STATISTICS_ARGS}) { statistics(${STATISTICS_VALUES}) { family groupBy figures period { ${PERIOD_FIELDS} } cutOff rows { ${STATISTICS_ROW_FIELDS} } total { ${STATISTICS_ROW_FIELDS} } } }`,
      statisticsVariables(request),
    );
    return data.statistics;
  },

  async statisticsSummary(request) {
    const { period, filter } = statisticsVariables({ ...request, family: 'VISITS', groupBy: [] });
    const data = await gql<{ statisticsSummary: StatisticsSummary }>(
      `query StatisticsSummary($period: PeriodInput!, $filter: StatisticsFilterInput) { statisticsSummary(period: $period, filter: $filter) { period { ${PERIOD_FIELDS} } previousPeriod { ${PERIOD_FIELDS} } cutOff kpis { figure value numerator denominator previous } } }`,
      { period, filter },
    );
    return data.statisticsSummary;
  },

  async exportStatistics(request) {
    const data = await gql<{ exportStatistics: FileDownload }>(
      `query ExportStatistics(${STATISTICS_ARGS}) { exportStatistics(${STATISTICS_VALUES}) { filename mimeType contentBase64 } }`,
      statisticsVariables(request),
    );
    return data.exportStatistics;
  },

  async publicEntity(creditCode) {
    const data = await gql<{ publicEntity: PublicEntity | null }>(
      'query PublicEntity($creditCode: String!) { publicEntity(creditCode: $creditCode) { name creditCode region publishedCount } }',
      { creditCode },
    );
    return data.publicEntity;
  },

  async publicDrawCheck(drawId, q) {
    const data = await gql<{ publicDrawCheck: PublicDrawCheck }>(
      'query PublicDrawCheck($drawId: ID!, $q: String!) { publicDrawCheck(drawId: $drawId, q: $q) { more matches { targetName creditCode inPool excludedReason drawn } } }',
      { drawId, q },
    );
    return data.publicDrawCheck;
  },

  async publicStatistics(filter) {
    const given = Object.fromEntries(Object.entries(filter).filter(([, v]) => v != null && v !== ''));
    const data = await gql<{ publicStatistics: PublicStatistics }>(
      `query PublicStatistics($filter: PublicStatisticsFilter) { publicStatistics(filter: $filter) { fromYear toYear cutOff rows { departmentId departmentName year ${PUBLIC_FIGURE_FIELDS} } total { ${PUBLIC_FIGURE_FIELDS} } } }`,
      { filter: given },
    );
    return data.publicStatistics;
  },

  async choices(kind) {
    const data = await gql<Record<string, string[]>>(`query Choices { ${kind} }`);
    return data[kind] ?? [];
  },
};
