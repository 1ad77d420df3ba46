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
import type { StatisticsRequest } from '@suiji/domain';
import type * as gen from '../graphql/generated/graphql';
import * as ops from '../graphql/operations';
import { gql } from './graphql';
import { selectionOf, specOf, type ResourceSpec } from './resources';

/** A file as the API sends it. */
export type FileDownload = gen.TemplateQuery['importTemplate'];

/** An import's report: rows read, imported (all or none), and the first problems with their fixes. */
export type ImportReport = gen.ImportTargetsMutation['importTargets'];
export type ImportRowError = ImportReport['errors'][number];

export type ImportKind = 'targets' | 'inspectors';

export interface SuijiDataProvider extends DataProvider {
  exportFile(resource: string, filter: Record<string, unknown>): Promise<FileDownload>;
  importFile(kind: ImportKind, file: { filename: string; contentBase64: string }): Promise<ImportReport>;
  /** An empty sheet with the columns an import expects. */
  importTemplate(kind: ImportKind): Promise<FileDownload>;
  /** Values in use, offered as choices: `targetTypes`, `regions` or `targetTags`. */
  choices(kind: 'targetTypes' | 'regions' | 'targetTags'): Promise<string[]>;
  /** Freezes the pool and publishes the commitment of a task's draw (one per task, covering all its items). */
  scheduleDraw(input: ScheduleDrawInput): Promise<gen.DrawFieldsFragment>;
  /** Runs a scheduled draw with the public entropy, once. */
  runDraw(input: { drawId: string; publicEntropy: string }): Promise<gen.DrawFieldsFragment>;
  /** Replaces a member of an inspection's team by lot. */
  replaceInspector(input: ReplaceInspectorInput): Promise<gen.InspectionFieldsFragment>;
  /** Enters the result of an inspection (by a member of its team); it then awaits review. */
  enterResult(input: ResultInput): Promise<gen.InspectionFieldsFragment>;
  /** Publishes (公示) or rejects a result awaiting review. */
  reviewResult(input: ReviewInput): Promise<gen.InspectionFieldsFragment>;
  /** Publishes several results awaiting review in one transaction: one refused refuses them all. */
  publishResults(inspectionIds: string[]): Promise<{ id: string; state: string }[]>;
  /** Records how the follow-up of one item's problem ended; answers with the inspection. */
  closeFollowUp(
    inspectionId: string,
    itemId: string,
    input: CloseFollowUpInput,
  ): Promise<gen.InspectionFieldsFragment>;
  /** The server's recomputation of a draw's record. */
  verifyDraw(id: string): Promise<DrawVerification>;
  /** The server's recomputation of the whole trail's hash chain. */
  verifyTrail(): Promise<TrailVerification>;
  /** 一公开: an entity's public page by its credit code; null unless it has a published result. */
  publicEntity(creditCode: string): Promise<PublicEntity | null>;
  /** 一公开: where the entities matching a name or credit code stood in one draw. */
  publicDrawCheck(drawId: string, q: string): Promise<PublicDrawCheck>;
  /** A cooperating department accepts a joint task, or declines it with a reason. */
  answerTask(taskId: string, accept: boolean, reason?: string): Promise<gen.TaskFieldsFragment>;
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

/** 统计分析: one family's table (the figures in the columns' order, the 合计 row, the cut-off 截至). */
export type StatisticsTable = gen.StatisticsQuery['statistics'];
export type StatisticsPeriod = StatisticsTable['period'];
export type StatisticsRow = StatisticsTable['rows'][number];
/** The cards of 统计分析: each headline figure, with a rate's numerator and denominator, and the previous period's. */
export type StatisticsSummary = gen.StatisticsSummaryQuery['statisticsSummary'];
export type StatisticsKpi = StatisticsSummary['kpis'][number];

/** 一公开's summary: one year (else the latest years) and one department (else all). */
export type PublicStatisticsFilter = gen.PublicStatisticsFilter;
export type PublicStatistics = gen.PublicStatisticsQuery['publicStatistics'];
export type PublicStatisticsRow = PublicStatistics['rows'][number];
/** The domain's `PUBLIC_FIGURES` (`drawn` is `due`, `problems` is `problem`). */
export type PublicStatisticsFigures = PublicStatistics['total'];

/** The variables of a statistics operation: the period's own fields only, and no empty filter. */
function statisticsVariables(request: StatisticsRequest): gen.StatisticsQueryVariables {
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

/** The API's `MergeProposal` (合并检查建议); its id is null for a suggestion not yet proposed. */
export type MergeProposal = gen.MergeProposalFieldsFragment;
/** A department's answer to a joint task or to a merge proposal. */
export type DepartmentAnswer = MergeProposal['responses'][number];
/** A merge proposal as a to-do entry names it: its own fields only, so a page costs one statement. */
export type AwaitingMergeProposal = gen.AwaitingQuery['mergeProposalsAwaiting']['items'][number];

/** The API's inputs, as the schema declares them. */
export type ScheduleDrawInput = gen.ScheduleDrawInput;
export type ReplaceInspectorInput = gen.ReplaceInspectorInput;
export type ResultInput = gen.ResultInput;
export type ItemResultInput = gen.ItemResultInput;
export type ReviewInput = gen.ReviewInput;
export type CloseFollowUpInput = gen.CloseFollowUpInput;

export type DrawVerification = gen.VerifyQuery['verifyDraw'];
export type TrailVerification = gen.VerifyTrailQuery['verifyTrail'];
/** 一公开: an entity's public page. */
export type PublicEntity = NonNullable<gen.PublicEntityQuery['publicEntity']>;
/** 一公开: where the entities matching a name or credit code stood in one draw (not their stratum). */
export type PublicDrawCheck = gen.PublicDrawCheckQuery['publicDrawCheck'];
export type PublicPoolEntry = PublicDrawCheck['matches'][number];

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
  const { set, definitions } = selectionOf(spec.fields);
  if (spec.sortable === false)
    return `query List($filter: ${spec.filterType}, $page: PageInput) {
  ${spec.list}(filter: $filter, page: $page) { items { ${set} } total }
}
${definitions}`;
  return `query List($filter: ${spec.filterType}, $sort: SortInput, $page: PageInput) {
  ${spec.list}(filter: $filter, sort: $sort, page: $page) { items { ${set} } total }
}
${definitions}`;
}

/** The selection of one record: the list's fields and those asked for one record only. */
export function oneSelection(spec: ResourceSpec): { set: string; definitions: string } {
  return selectionOf(spec.fields, spec.oneFields);
}

/** An operation on one record: `head` opens it, the record's selection closes it, then the fragments. */
function recordOperation(spec: ResourceSpec, head: string): string {
  const { set, definitions } = oneSelection(spec);
  return `${head} { ${set} } }\n${definitions}`;
}

export function oneQuery(spec: ResourceSpec): string {
  return recordOperation(spec, `query One($id: ID!) { ${operation(spec, 'one')}(id: $id)`);
}

/** The name of an operation the resource offers; a resource without it refuses, as the API would. */
function operation(spec: ResourceSpec, key: 'one' | 'create' | 'update' | 'remove' | 'exportQuery'): string {
  const name = spec[key];
  if (!name) throw new HttpError('ra.notification.not_authorized', 403);
  return name;
}

export function createMutation(spec: ResourceSpec): string {
  return recordOperation(
    spec,
    `mutation Create($input: ${spec.createInputType ?? ''}!) { ${operation(spec, 'create')}(input: $input)`,
  );
}

export function updateMutation(spec: ResourceSpec): string {
  return recordOperation(
    spec,
    `mutation Update($id: ID!, $input: ${spec.updateInputType ?? ''}!) { ${operation(spec, 'update')}(id: $id, input: $input)`,
  );
}

export function deleteMutation(spec: ResourceSpec): string {
  return recordOperation(spec, `mutation Delete($id: ID!) { ${operation(spec, 'remove')}(id: $id)`);
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
  const filter = toFilter(spec, params.filter as Record<string, unknown> | undefined);
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
      listVariables(spec, {
        ...params,
        filter: { ...(params.filter as Record<string, unknown>), [params.target]: params.id },
      }),
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
    const previous = spec.fullUpdate ? undefined : (params.previousData as Partial<RaRecord>);
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
    if (kind === 'targets') return (await gql(ops.ImportTargets, { file })).importTargets;
    return (await gql(ops.ImportInspectors, { file })).importInspectors;
  },

  async importTemplate(kind) {
    const registry = kind === 'targets' ? 'TARGETS' : 'INSPECTORS';
    return (await gql(ops.ImportTemplate, { registry })).importTemplate;
  },

  async scheduleDraw(input) {
    return (await gql(ops.ScheduleDraw, { input })).scheduleDraw;
  },

  async runDraw(input) {
    return (await gql(ops.RunDraw, { input })).runDraw;
  },

  async replaceInspector(input) {
    return (await gql(ops.ReplaceInspector, { input })).replaceInspector;
  },

  async enterResult(input) {
    return (await gql(ops.EnterResult, { input })).enterResult;
  },

  async reviewResult(input) {
    return (await gql(ops.ReviewResult, { input })).reviewResult;
  },

  async publishResults(inspectionIds) {
    return (await gql(ops.PublishResults, { inspectionIds: [...inspectionIds] })).publishResults;
  },

  async closeFollowUp(inspectionId, itemId, input) {
    return (await gql(ops.CloseFollowUp, { inspectionId, itemId, input })).closeFollowUp;
  },

  async verifyDraw(id) {
    return (await gql(ops.VerifyDraw, { id })).verifyDraw;
  },

  async verifyTrail() {
    return (await gql(ops.VerifyTrail, {})).verifyTrail;
  },

  async answerTask(taskId, accept, reason) {
    return accept
      ? (await gql(ops.AcceptTask, { taskId })).acceptTask
      : (await gql(ops.DeclineTask, { taskId, reason: reason ?? '' })).declineTask;
  },

  async mergeProposals(year, quarter) {
    return (await gql(ops.MergeProposals, { year, quarter })).mergeProposals;
  },

  async mergeProposalsAwaiting(page) {
    return (await gql(ops.MergeProposalsAwaiting, { page })).mergeProposalsAwaiting;
  },

  async proposeMerge(taskIds) {
    return (await gql(ops.ProposeMerge, { taskIds: [...taskIds] })).proposeMerge;
  },

  async respondToMergeProposal(id, accept, reason) {
    return (await gql(ops.RespondToMergeProposal, { id, accept, reason: reason ?? null }))
      .respondToMergeProposal;
  },

  async statistics(request) {
    return (await gql(ops.Statistics, statisticsVariables(request))).statistics;
  },

  async statisticsSummary(request) {
    const { period, filter } = statisticsVariables({ ...request, family: 'VISITS', groupBy: [] });
    return (await gql(ops.StatisticsSummary, { period, filter })).statisticsSummary;
  },

  async exportStatistics(request) {
    return (await gql(ops.ExportStatistics, statisticsVariables(request))).exportStatistics;
  },

  async publicEntity(creditCode) {
    return (await gql(ops.PublicEntity, { creditCode })).publicEntity;
  },

  async publicDrawCheck(drawId, q) {
    return (await gql(ops.PublicDrawCheck, { drawId, q })).publicDrawCheck;
  },

  async publicStatistics(filter) {
    const given = Object.fromEntries(Object.entries(filter).filter(([, v]) => v != null && v !== ''));
    return (await gql(ops.PublicStatistics, { filter: given })).publicStatistics;
  },

  async choices(kind) {
    const data = await gql<Record<string, string[]>>(`query Choices { ${kind} }`);
    return data[kind] ?? [];
  },
};
