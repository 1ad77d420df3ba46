/**
 * Every operation the dashboard sends fits the API's limits for its caller (`REQUEST_LIMITS` in the
 * domain), measured with the graphql-armor rules the API applies, and is valid against the checked-in
 * schema. Every method of the data provider is called (the type below makes a new one list itself), so
 * an operation added later is measured too. The public pages' operations fit the public's limits.
 */
import { readFileSync } from 'node:fs';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  IMPORT_FILE_MAX_BASE64,
  IMPORT_REQUEST_MAX_BYTES,
  MAX_LENGTH,
  REQUEST_LIMITS,
  type RequestLimits,
} from '@suiji/domain';
import { buildSchema, parse, validate } from 'graphql';
import type { DataProvider } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteAttachment, fetchAttachmentRules, listAttachments } from './attachments';
import { authProvider } from './authProvider';
import { dataProvider, importMutation, type SuijiDataProvider } from './dataProvider';
import { RESOURCE_SPECS } from './resources';
import { writeSession } from './session';

const schema = buildSchema(readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8'));

/** What the API measures of a request, with the same rules. */
function measure(body: string): RequestLimits {
  const { query } = JSON.parse(body) as { query: string };
  const found = { depth: 0, aliases: 0, cost: 0 };
  const keep =
    (name: keyof typeof found) =>
    (_context: unknown, { n }: { n: number }) => {
      found[name] = Math.max(found[name], n);
    };
  const document = parse(query);
  expect(validate(schema, document), query).toEqual([]);
  validate(schema, document, [
    maxDepthRule({ n: Infinity, flattenFragments: true, onAccept: [keep('depth')] }),
    maxAliasesRule({ n: Infinity, onAccept: [keep('aliases')] }),
    costLimitRule({ maxCost: Infinity, onAccept: [keep('cost')] }),
  ]);
  const tokens = new MaxTokensParserWLexer(query, { n: Infinity });
  tokens.parseDocument();
  return {
    bodyBytes: Buffer.byteLength(body),
    characters: query.length,
    tokens: tokens.tokenCount,
    ...found,
  };
}

/** The request bodies sent to /graphql while `calls` run (each may fail on the empty answer). */
async function sentBy(calls: (() => Promise<unknown>)[]): Promise<string[]> {
  const sent: string[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    if (url === '/graphql') sent.push(init.body as string);
    return Promise.resolve(new Response('{"data":{}}', { status: 200 }));
  });
  for (const call of calls) await call().catch(() => undefined);
  return sent;
}

function expectWithin(bodies: string[], limits: RequestLimits): void {
  expect(bodies.length).toBeGreaterThan(0);
  for (const body of bodies) {
    const found = measure(body);
    for (const [name, max] of Object.entries(limits))
      expect(found[name as keyof RequestLimits], `${name} of ${body}`).toBeLessThanOrEqual(max);
  }
}

const page = {
  filter: {},
  sort: { field: 'id', order: 'ASC' as const },
  pagination: { page: 1, perPage: 100 },
};

/** A type's named keys, without those of an index signature (`DataProvider` has one). */
type NamedKeys<T> = keyof {
  [K in keyof T as string extends K ? never : K]: T[K];
};

type StandardMethod = Exclude<NamedKeys<DataProvider>, 'supportAbortSignal'>;

/** Every standard call react-admin may make, on every resource. */
function standardCalls(): (() => Promise<unknown>)[] {
  const calls: Record<StandardMethod, (resource: string) => Promise<unknown>> = {
    getList: (r) => dataProvider.getList(r, page),
    getOne: (r) => dataProvider.getOne(r, { id: '1' }),
    getMany: (r) => dataProvider.getMany(r, { ids: ['1', '2'] }),
    getManyReference: (r) => dataProvider.getManyReference(r, { ...page, target: 'departmentId', id: '1' }),
    create: (r) => dataProvider.create(r, { data: { name: 'x' } }),
    update: (r) => dataProvider.update(r, { id: '1', data: { name: 'y' }, previousData: { id: '1' } }),
    updateMany: (r) => dataProvider.updateMany(r, { ids: ['1'], data: { name: 'y' } }),
    delete: (r) => dataProvider.delete(r, { id: '1' }),
    deleteMany: (r) => dataProvider.deleteMany(r, { ids: ['1'] }),
  };
  return Object.keys(RESOURCE_SPECS).flatMap((resource) =>
    Object.values(calls).map((call) => () => call(resource)),
  );
}

/** The largest statistics request the page makes: two dimensions, a range and every filter it offers. */
const statisticsRequest = {
  family: 'VISITS',
  groupBy: ['REGION', 'MONTH'],
  period: { kind: 'RANGE', from: '2025-01-01', to: '2025-12-31' },
  filter: { departmentId: 'd', itemId: 'i', region: 'r' },
} as const;

/** The dashboard's own calls: a method added to the data provider must be listed here to compile. */
const OWN_CALLS: Record<
  Exclude<NamedKeys<SuijiDataProvider>, NamedKeys<DataProvider>>,
  () => Promise<unknown>
> = {
  exportFile: async () => {
    for (const resource of Object.keys(RESOURCE_SPECS))
      await dataProvider.exportFile(resource, {}).catch(() => undefined);
  },
  importFile: async () => {
    await dataProvider
      .importFile('targets', { filename: 'a.xlsx', contentBase64: 'AAAA' })
      .catch(() => undefined);
    await dataProvider.importFile('inspectors', { filename: 'a.xlsx', contentBase64: 'AAAA' });
  },
  importTemplate: () => dataProvider.importTemplate('targets'),
  choices: async () => {
    await dataProvider.choices('targetTypes').catch(() => undefined);
    await dataProvider.choices('regions').catch(() => undefined);
    await dataProvider.choices('targetTags');
  },
  scheduleDraw: () =>
    dataProvider.scheduleDraw({ taskId: '1', entropy: { source: 'DRAND', issue: '30000000' } }),
  runDraw: () => dataProvider.runDraw({ drawId: '1', publicEntropy: 'x' }),
  replaceInspector: () =>
    dataProvider.replaceInspector({ inspectionId: '1', inspectorId: '2', reason: 'LEAVE', note: 'x' }),
  enterResult: () =>
    dataProvider.enterResult({ inspectionId: '1', inspectedOn: '2025-01-01', methodsUsed: [], items: [] }),
  reviewResult: () => dataProvider.reviewResult({ inspectionId: '1', approve: true }),
  publishResults: () =>
    dataProvider.publishResults(Array.from({ length: 100 }, (_, i) => `id-${i}`.padEnd(36, '0'))),
  closeFollowUp: () =>
    dataProvider.closeFollowUp('1', '2', { closedOn: '2025-01-01', outcome: 'OTHER', note: 'x' }),
  verifyDraw: () => dataProvider.verifyDraw('1'),
  verifyTrail: () => dataProvider.verifyTrail(),
  answerTask: async () => {
    await dataProvider.answerTask('1', true).catch(() => undefined);
    await dataProvider.answerTask('1', false, 'x');
  },
  mergeProposals: () => dataProvider.mergeProposals(2025, 1),
  mergeProposalsAwaiting: () => dataProvider.mergeProposalsAwaiting({ page: 1, perPage: 500 }),
  proposeMerge: () => dataProvider.proposeMerge(['1', '2']),
  respondToMergeProposal: () => dataProvider.respondToMergeProposal('1', false, 'x'),
  statistics: () => dataProvider.statistics(statisticsRequest),
  statisticsSummary: () => dataProvider.statisticsSummary(statisticsRequest),
  exportStatistics: () => dataProvider.exportStatistics(statisticsRequest),
  publicStatistics: () => dataProvider.publicStatistics({ year: 2025, departmentId: 'd' }),
  publicEntity: () => dataProvider.publicEntity('9'.repeat(MAX_LENGTH.short)),
  publicDrawCheck: () => dataProvider.publicDrawCheck('1', 'x'.repeat(MAX_LENGTH.short)),
};

describe('the dashboard’s operations and the API’s limits', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps every operation of a signed-in user within the signed-in limits', async () => {
    writeSession({
      token: 't',
      expiresAt: '2999-01-01T00:00:00Z',
      user: {
        id: 'u',
        username: 'a',
        displayName: 'a',
        role: 'ADMIN',
        departmentId: 'd',
        departmentIds: ['d'],
      },
    });
    const bodies = await sentBy([
      ...standardCalls(),
      ...Object.values(OWN_CALLS),
      () => listAttachments('1'),
      () => fetchAttachmentRules(),
      () => deleteAttachment('1'),
    ]);
    expectWithin(bodies, REQUEST_LIMITS.signedIn);
  });

  it('keeps an import of the largest file within an import’s body', () => {
    const file = { filename: 'x'.repeat(MAX_LENGTH.name), contentBase64: '' };
    const body = JSON.stringify({ query: importMutation('inspectors'), variables: { file } });
    expect(Buffer.byteLength(body) + IMPORT_FILE_MAX_BASE64).toBeLessThanOrEqual(IMPORT_REQUEST_MAX_BYTES);
  });

  it('keeps the public pages’ operations and the sign-in within the public’s limits', async () => {
    const bodies = await sentBy([
      () => dataProvider.getList('draws', page),
      () => dataProvider.getOne('draws', { id: '1' }),
      () => dataProvider.getList('results', page),
      () => dataProvider.getList('publicPlans', page),
      () => dataProvider.getOne('publicPlans', { id: '1' }),
      () => dataProvider.getList('publicTasks', page),
      () => dataProvider.publicStatistics({ year: 2025, departmentId: 'd' }),
      () => dataProvider.publicEntity('9'.repeat(MAX_LENGTH.short)),
      () => dataProvider.publicDrawCheck('1', 'x'.repeat(MAX_LENGTH.short)),
      () =>
        authProvider.login({
          username: 'x'.repeat(MAX_LENGTH.short),
          password: 'x'.repeat(MAX_LENGTH.password),
        }),
    ]);
    expectWithin(bodies, REQUEST_LIMITS.anonymous);
  });
});
