import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drillDown, resolvePeriod } from '@suiji/domain';
import { dataProvider, listQuery, listVariables, oneQuery, toFilter, toInput } from './dataProvider';
import { specOf } from './resources';

interface Sent {
  query: string;
  variables: Record<string, unknown>;
  authorization: string | undefined;
}

/** An operation as one line: the documents' layout is not what is tested. */
const oneLine = (query: string) => query.replace(/\s+/g, ' ').trim();

function answer(body: unknown): { sent: Sent[] } {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    expect(url).toBe('/graphql');
    const headers = init.headers as Record<string, string>;
    const request = JSON.parse(init.body as string) as Omit<Sent, 'authorization'>;
    // Read as one line: the documents' layout (codegen's, one field a line) is not what is tested.
    sent.push({
      ...request,
      query: oneLine(request.query),
      authorization: headers.Authorization,
    });
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  });
  return { sent };
}

describe('the data provider', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks a list with filter, sort and 1-based page, and reads items and total', async () => {
    const { sent } = answer({ data: { items: { items: [{ id: '1', name: 'a' }], total: 7 } } });
    const result = await dataProvider.getList('items', {
      filter: { q: '土地', year: 2024, unknown: 'x', category: '' },
      sort: { field: 'seq', order: 'DESC' },
      pagination: { page: 2, perPage: 25 },
    });
    expect(result).toEqual({ data: [{ id: '1', name: 'a' }], total: 7 });
    expect(sent[0]!.query).toContain('items(filter: $filter, sort: $sort, page: $page)');
    expect(sent[0]!.query).toContain('$filter: ItemFilter');
    expect(sent[0]!.variables).toEqual({
      filter: { q: '土地', year: 2024 },
      sort: { field: 'seq', order: 'DESC' },
      page: { page: 2, perPage: 25 },
    });
  });

  it('sends the stored token as a bearer token', async () => {
    localStorage.setItem(
      'suiji.session',
      JSON.stringify({ token: 't0k', expiresAt: '2999-01-01T00:00:00Z', user: { id: 'u', role: 'ADMIN' } }),
    );
    const { sent } = answer({ data: { department: { id: '3', name: 'x' } } });
    await dataProvider.getOne('departments', { id: 3 });
    expect(sent[0]!.authorization).toBe('Bearer t0k');
    expect(sent[0]!.variables).toEqual({ id: '3' });
  });

  it('gets many by ids through the list filter', async () => {
    const { sent } = answer({ data: { targets: { items: [{ id: 'a' }, { id: 'b' }], total: 2 } } });
    const { data } = await dataProvider.getMany('targets', { ids: ['a', 'b', 'a'] });
    expect(data).toHaveLength(2);
    expect(sent[0]!.variables).toEqual({ filter: { ids: ['a', 'b'] }, page: { page: 1, perPage: 2 } });
  });

  it('gets many references by filtering on the target field', async () => {
    const { sent } = answer({ data: { conflicts: { items: [], total: 0 } } });
    await dataProvider.getManyReference('conflicts', {
      target: 'inspectorId',
      id: 'i1',
      filter: {},
      sort: { field: 'createdAt', order: 'ASC' },
      pagination: { page: 1, perPage: 10 },
      meta: undefined,
    });
    expect(sent[0]!.variables.filter).toEqual({ inspectorId: 'i1' });
  });

  it('updates with only the changed input fields, never id, stamps or nested objects', async () => {
    const previous = {
      id: '9',
      name: 'old',
      year: 2024,
      methods: ['ON_SITE'],
      department: { id: 'd', name: 'D' },
      departmentId: 'd',
      createdAt: 'x',
    };
    const { sent } = answer({ data: { updateItem: { ...previous, name: 'new' } } });
    await dataProvider.update('items', {
      id: '9',
      data: { ...previous, name: 'new', methods: ['ON_SITE', 'DOCUMENT'] },
      previousData: previous,
    });
    expect(sent[0]!.query).toContain('updateItem(id: $id, input: $input)');
    expect(sent[0]!.query).toContain('$input: ItemUpdateInput!');
    expect(sent[0]!.variables).toEqual({ id: '9', input: { name: 'new', methods: ['ON_SITE', 'DOCUMENT'] } });
  });

  it('creates with the input fields only and sends null only to nullable fields', () => {
    const spec = specOf('inspectors');
    expect(
      toInput(spec.createFields, spec.nullable, { id: 'x', name: 'n', phone: null, certificateNumber: null }),
    ).toEqual({ name: 'n', phone: null });
  });

  it('turns a GraphQL error into an HttpError with status and form errors', async () => {
    answer({
      data: null,
      errors: [{ message: 'Code taken', extensions: { code: 'BAD_USER_INPUT', field: 'code' } }],
    });
    await expect(
      dataProvider.create('departments', { data: { name: 'a', code: 'b' } }),
    ).rejects.toMatchObject({
      message: 'Code taken',
      status: 400,
      body: { code: 'BAD_USER_INPUT', errors: { code: 'Code taken', root: { serverError: 'Code taken' } } },
    });
  });

  it('maps UNAUTHENTICATED to 401 and FORBIDDEN to 403', async () => {
    answer({ data: null, errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] });
    await expect(dataProvider.delete('users', { id: '1' })).rejects.toMatchObject({ status: 401 });
    answer({ data: null, errors: [{ message: 'No', extensions: { code: 'FORBIDDEN' } }] });
    await expect(dataProvider.delete('users', { id: '1' })).rejects.toMatchObject({ status: 403 });
  });

  it('says a missing record is not found', async () => {
    answer({ data: { target: null } });
    await expect(dataProvider.getOne('targets', { id: 'nope' })).rejects.toMatchObject({ status: 404 });
  });

  it('exports the filtered list and imports a file', async () => {
    const { sent } = answer({
      data: { exportTargets: { filename: 't.xlsx', mimeType: 'm', contentBase64: 'AA==' } },
    });
    expect(await dataProvider.exportFile('targets', { riskClass: 'D', q: '' })).toMatchObject({
      filename: 't.xlsx',
    });
    expect(sent[0]!.query).toContain('exportTargets(filter: $filter)');
    expect(sent[0]!.variables).toEqual({ filter: { riskClass: 'D' } });
    const report = {
      ok: false,
      imported: 0,
      errorCount: 1,
      errors: [{ row: 3, column: 'B', message: 'm', hint: 'h' }],
    };
    const second = answer({ data: { importInspectors: report } });
    expect(await dataProvider.importFile('inspectors', { filename: 'a.csv', contentBase64: 'eA==' })).toEqual(
      report,
    );
    expect(second.sent[0]!.variables).toEqual({ file: { filename: 'a.csv', contentBase64: 'eA==' } });
    const third = answer({
      data: { importTemplate: { filename: 't.xlsx', mimeType: 'm', contentBase64: '' } },
    });
    await dataProvider.importTemplate('targets');
    expect(third.sent[0]!.variables).toEqual({ registry: 'TARGETS' });
  });
});

describe('query building', () => {
  it('selects the fields of every resource in list queries', () => {
    expect(oneLine(listQuery(specOf('conflicts')))).toContain('target { id name creditCode }');
  });

  it('keeps ids for getMany even when empty, and drops unknown filters', () => {
    const spec = specOf('users');
    expect(toFilter(spec, { ids: [], role: 'ADMIN', year: 2020 })).toEqual({ ids: [], role: 'ADMIN' });
    expect(listVariables(spec, { filter: {}, sort: { field: '', order: 'ASC' } })).toEqual({ filter: {} });
    expect(listVariables(spec, { filter: {}, sort: { field: 'id', order: 'DESC' } })).toEqual({ filter: {} });
  });
});

describe('the publication', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the public projections, with their filters and their sort', () => {
    const results = specOf('publicResults');
    const query = oneLine(listQuery(results));
    expect(query).toContain('publicResults(filter: $filter, sort: $sort, page: $page)');
    expect(query).not.toMatch(/team|findings|target \{/);
    expect(
      listVariables(results, {
        filter: { q: '宏达', region: '垭口街道', year: 2026, departmentId: 'd', riskClass: 'A' },
        sort: { field: 'publishedAt', order: 'DESC' },
        pagination: { page: 2, perPage: 25 },
      }),
    ).toEqual({
      filter: { q: '宏达', region: '垭口街道', year: 2026, departmentId: 'd' },
      sort: { field: 'publishedAt', order: 'DESC' },
      page: { page: 2, perPage: 25 },
    });
    expect(oneLine(listQuery(specOf('publicDraws')))).toContain(
      'publicDraws(filter: $filter, sort: $sort, page: $page)',
    );
  });

  it('asks the notices of plans and tasks with their filters and the sort chosen', () => {
    const tasks = specOf('publicTasks');
    expect(oneLine(listQuery(tasks))).toContain('publicTasks(filter: $filter, sort: $sort, page: $page)');
    expect(oneLine(listQuery(tasks))).not.toMatch(/riskClass|teamSize/);
    expect(
      listVariables(tasks, {
        filter: { q: '土地', year: 2026, departmentId: 'd', planId: 'p', scope: 'DIRECTED', riskClass: 'A' },
        sort: { field: 'windowStart', order: 'DESC' },
        pagination: { page: 1, perPage: 25 },
      }),
    ).toEqual({
      filter: { q: '土地', year: 2026, departmentId: 'd', planId: 'p', scope: 'DIRECTED' },
      sort: { field: 'windowStart', order: 'DESC' },
      page: { page: 1, perPage: 25 },
    });
    expect(oneLine(listQuery(specOf('publicPlans')))).toContain(
      'publicPlans(filter: $filter, sort: $sort, page: $page)',
    );
    expect(oneLine(oneQuery(specOf('publicPlans')))).toContain('publicPlan(id: $id)');
  });

  it('reads one public draw by publicDraw', async () => {
    const { sent } = answer({ data: { publicDraw: { id: 'w', status: 'DRAWN' } } });
    await dataProvider.getOne('publicDraws', { id: 'w' });
    expect(sent[0]!.query).toContain('publicDraw(id: $id)');
    expect(sent[0]!.query).toContain('commitment poolDigest');
  });

  it('replaces an inspector giving a reason code and a note for the trail', async () => {
    const { sent } = answer({ data: { replaceInspector: { id: 'i' } } });
    await dataProvider.replaceInspector({
      inspectionId: 'i',
      inspectorId: 'x',
      reason: 'ILLNESS',
      note: '住院',
    });
    expect(sent[0]!.variables).toEqual({
      input: { inspectionId: 'i', inspectorId: 'x', reason: 'ILLNESS', note: '住院' },
    });
  });
});

describe('draws and inspections', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists draws with their sort and the to-do filters', () => {
    const spec = specOf('draws');
    expect(oneLine(listQuery(spec))).toContain('draws(filter: $filter, sort: $sort, page: $page)');
    expect(
      listVariables(spec, {
        filter: { taskId: 't', runnable: true, departmentId: 'd', other: 'x' },
        sort: { field: 'runAfter', order: 'ASC' },
      }),
    ).toEqual({
      filter: { taskId: 't', runnable: true, departmentId: 'd' },
      sort: { field: 'runAfter', order: 'ASC' },
    });
  });

  it('updates a task with its whole input, as updateTask requires', async () => {
    const previous = { id: 't', name: 'a', year: 2025, itemIds: ['i'], windowStart: '2025-01-01' };
    const { sent } = answer({ data: { updateTask: { ...previous, name: 'b' } } });
    await dataProvider.update('tasks', { id: 't', data: { ...previous, name: 'b' }, previousData: previous });
    expect(sent[0]!.variables).toEqual({
      id: 't',
      input: { name: 'b', year: 2025, itemIds: ['i'], windowStart: '2025-01-01' },
    });
  });

  it('schedules one draw for the whole task, without an item', async () => {
    const { sent } = answer({ data: { scheduleDraw: { id: 'w', status: 'SCHEDULED' } } });
    const entropy = { source: 'SSQ' as const, issue: '2026139', publishedAt: '2026-12-03T13:30:00.000Z' };
    await dataProvider.scheduleDraw({ taskId: 't', entropy, ratios: [{ riskClass: 'A', ratioBp: 3000 }] });
    expect(sent[0]!.query).toContain('scheduleDraw(input: $input)');
    expect(sent[0]!.query).not.toContain('itemId');
    expect(sent[0]!.variables).toEqual({
      input: { taskId: 't', entropy, ratios: [{ riskClass: 'A', ratioBp: 3000 }] },
    });
  });

  it('refuses to create a draw through the generic create: draws are scheduled', async () => {
    await expect(dataProvider.create('draws', { data: {} })).rejects.toMatchObject({ status: 403 });
  });

  it('runs a draw with its public entropy', async () => {
    const { sent } = answer({ data: { runDraw: { id: 'w', status: 'DRAWN' } } });
    await dataProvider.runDraw({ drawId: 'w', publicEntropy: '03 11 19' });
    expect(sent[0]!.query).toContain('runDraw(input: $input)');
    expect(sent[0]!.variables).toEqual({ input: { drawId: 'w', publicEntropy: '03 11 19' } });
  });
});

describe('results per item', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('select each item’s result with its category’s names, and no single category per inspection', () => {
    const query = oneLine(listQuery(specOf('inspections')));
    expect(query).toContain('itemIds items { id name }');
    expect(query).toContain(
      'results { id itemId item { id name } category categoryInfo { id ...CategoryInfo }',
    );
    expect(query).toContain('fragment CategoryInfo on ResultCategory { code nameZh nameEn');
    expect(query).not.toMatch(/resultCategory|itemId (?!item)/);
  });

  it('enters the visit once with a result for each item', async () => {
    const { sent } = answer({ data: { enterResult: { id: 'i', state: 'PENDING_REVIEW' } } });
    const input = {
      inspectionId: 'i',
      inspectedOn: '2026-05-10',
      methodsUsed: ['ON_SITE' as const],
      items: [
        { itemId: 'a', category: 'NO_PROBLEM', findings: '', followUp: 'NONE' as const },
        { itemId: 'b', category: 'LAND_NOT_RECLAIMED', findings: '未复垦', followUp: 'CASE_FILED' as const },
      ],
    };
    await dataProvider.enterResult(input);
    expect(sent[0]!.query).toContain('enterResult(input: $input)');
    expect(sent[0]!.variables).toEqual({ input });
  });
});

describe('targets', () => {
  it('ask the inspection history of one target only, never of every row of a list', () => {
    const spec = specOf('targets');
    expect(oneLine(listQuery(spec))).toContain('abnormal abnormalReason problemCount');
    expect(oneLine(listQuery(spec))).not.toContain('inspectionHistory');
    expect(oneLine(oneQuery(spec))).toContain('inspectionHistory { id taskId state');
  });
});

describe('result categories', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const unreachable = {
    id: 'UNREACHABLE',
    code: 'UNREACHABLE',
    nameZh: '通过登记的住所（经营场所）无法联系',
    nameEn: 'Unreachable at the registered address',
    departmentId: null,
    standard: true,
    problem: true,
    raisesRisk: true,
    marksAbnormal: true,
  };

  it('lists those a task’s results may take through resultCategories', async () => {
    const { sent } = answer({ data: { resultCategories: { items: [unreachable], total: 1 } } });
    const { data } = await dataProvider.getList('categories', {
      filter: { taskId: 't', q: '' },
      sort: { field: 'createdAt', order: 'ASC' },
      pagination: { page: 1, perPage: 500 },
    });
    expect(data).toEqual([unreachable]);
    expect(sent[0]!.query).toContain('resultCategories(filter: $filter, sort: $sort, page: $page)');
    expect(sent[0]!.query).toContain('$filter: CategoryFilter');
    expect(sent[0]!.variables).toEqual({
      filter: { taskId: 't' },
      sort: { field: 'createdAt', order: 'ASC' },
      page: { page: 1, perPage: 500 },
    });
  });

  it('changes only the consequences of a standard category: its unchanged names are not sent', async () => {
    const { sent } = answer({ data: { updateResultCategory: { ...unreachable, raisesRisk: false } } });
    await dataProvider.update('categories', {
      id: 'UNREACHABLE',
      data: { ...unreachable, raisesRisk: false },
      previousData: unreachable,
    });
    expect(sent[0]!.query).toContain('updateResultCategory(id: $id, input: $input)');
    expect(sent[0]!.query).toContain('$input: CategoryUpdateInput!');
    expect(sent[0]!.variables).toEqual({ id: 'UNREACHABLE', input: { raisesRisk: false } });
  });

  it('creates a department’s own category with its code, names and consequences', async () => {
    const { sent } = answer({ data: { createResultCategory: { id: 'LAND_NOT_RECLAIMED' } } });
    await dataProvider.create('categories', {
      data: {
        code: 'LAND_NOT_RECLAIMED',
        nameZh: '未履行土地复垦义务',
        nameEn: '',
        problem: true,
        raisesRisk: false,
        marksAbnormal: true,
        standard: false,
      },
    });
    expect(sent[0]!.query).toContain('createResultCategory(input: $input)');
    expect(sent[0]!.variables).toEqual({
      input: {
        code: 'LAND_NOT_RECLAIMED',
        nameZh: '未履行土地复垦义务',
        nameEn: '',
        problem: true,
        raisesRisk: false,
        marksAbnormal: true,
      },
    });
  });

  it('withdraws a category by its code', async () => {
    const { sent } = answer({ data: { deleteResultCategory: { id: 'LAND_NOT_RECLAIMED' } } });
    await dataProvider.delete('categories', { id: 'LAND_NOT_RECLAIMED' });
    expect(sent[0]!.query).toContain('deleteResultCategory(id: $id)');
    expect(sent[0]!.variables).toEqual({ id: 'LAND_NOT_RECLAIMED' });
  });
});

describe('the trail', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists entries newest first as the API gives them, keyed by their position in the chain', async () => {
    const entry = { id: 7, seq: 7, action: 'update', entity: 'Category', entityId: 'UNREACHABLE' };
    const { sent } = answer({ data: { trail: { items: [entry], total: 7 } } });
    const result = await dataProvider.getList('trail', {
      filter: { entity: 'Category', actorId: 'u1', action: 'update', entityId: '', sealed: true },
      sort: { field: 'seq', order: 'ASC' },
      pagination: { page: 1, perPage: 25 },
    });
    expect(result).toEqual({ data: [entry], total: 7 });
    expect(sent[0]!.query).toContain('trail(filter: $filter, page: $page)');
    expect(sent[0]!.query).toContain('id: seq');
    expect(sent[0]!.query).not.toContain('sort');
    // Only the filters TrailFilter declares reach the API.
    expect(sent[0]!.variables).toEqual({
      filter: { entity: 'Category', actorId: 'u1', action: 'update' },
      page: { page: 1, perPage: 25 },
    });
  });

  it('reads no single entry and changes none', async () => {
    await expect(dataProvider.getOne('trail', { id: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(dataProvider.delete('trail', { id: 1 })).rejects.toMatchObject({ status: 403 });
  });

  it('asks the server to verify the chain', async () => {
    const verification = { ok: false, checked: 41, brokenSeq: 42, problem: 'its content does not match' };
    const { sent } = answer({ data: { verifyTrail: verification } });
    await expect(dataProvider.verifyTrail()).resolves.toEqual(verification);
    expect(sent[0]!.query).toContain('verifyTrail { ok checked brokenSeq problem }');
  });
});

describe('statistics', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks a table with the period’s own fields and no empty filter', async () => {
    const table = { family: 'VISITS', rows: [] };
    const { sent } = answer({ data: { statistics: table } });
    await expect(
      dataProvider.statistics({
        family: 'VISITS',
        groupBy: ['REGION', 'MONTH'],
        period: { kind: 'QUARTER', year: 2025, quarter: 2, month: 7, from: '2025-01-01', to: '2025-01-02' },
        filter: { departmentId: 'd1', itemId: null, region: '' },
      }),
    ).resolves.toEqual(table);
    expect(sent[0]!.query).toContain(
      'statistics(family: $family, period: $period, groupBy: $groupBy, filter: $filter)',
    );
    expect(sent[0]!.variables).toEqual({
      family: 'VISITS',
      groupBy: ['REGION', 'MONTH'],
      period: { kind: 'QUARTER', year: 2025, quarter: 2 },
      filter: { departmentId: 'd1' },
    });
  });

  it('asks the cards and the export of the table shown', async () => {
    const { sent } = answer({
      data: { statisticsSummary: { kpis: [] }, exportStatistics: { filename: 'a' } },
    });
    const request = {
      family: 'TASKS',
      groupBy: ['ORIGIN'],
      period: { kind: 'RANGE', from: '2025-03-01', to: '2025-03-31' },
      filter: { itemId: 'i1' },
    } as const;
    await dataProvider.statisticsSummary(request);
    await dataProvider.exportStatistics(request);
    expect(sent[0]!.variables).toEqual({
      period: { kind: 'RANGE', from: '2025-03-01', to: '2025-03-31' },
      filter: { itemId: 'i1' },
    });
    expect(sent[1]!.query).toMatch(
      /exportStatistics\( ?family: \$family,? period: \$period,? groupBy: \$groupBy/,
    );
    expect(sent[1]!.variables).toMatchObject({ family: 'TASKS', groupBy: ['ORIGIN'] });
  });

  it('asks the public statistics with only the filters chosen', async () => {
    const summary = { fromYear: 2025, toYear: 2025, rows: [], total: {} };
    const { sent } = answer({ data: { publicStatistics: summary } });
    await expect(dataProvider.publicStatistics({ year: 2025, departmentId: '' })).resolves.toEqual(summary);
    expect(sent[0]!.query).toContain('publicStatistics(filter: $filter)');
    expect(sent[0]!.query).toContain('total { drawn published problems problemRate');
    expect(sent[0]!.variables).toEqual({ filter: { year: 2025 } });
  });

  it('passes the filter a number drills into to the list as it is, so the list counts the same', async () => {
    const period = resolvePeriod({ kind: 'YEAR', year: 2025 });
    if (!period.ok) throw new Error(period.message.en);
    const cases = [
      drillDown('closed', period.period, { departmentId: 'd1' }, { ITEM: 'i1', MONTH: '2025-05' }),
      drillDown('inEntry', period.period, {}, { JOINT: 'OWN', RISK_CLASS: 'C', TARGET_KIND: 'UNIT' }),
      drillDown('overdue', period.period, { region: '尹集镇' }, { CATEGORY: 'X', FOLLOW_UP: 'CASE_FILED' }),
      drillDown('onTime', period.period, {}),
      drillDown('adHocTasks', period.period, { itemId: 'i1' }, { QUARTER: '2025-Q3', DEPARTMENT: 'd1' }),
      drillDown('tasksRunning', period.period, {}, { JOINT: 'JOINT' }),
    ];
    for (const drill of cases) {
      if (!drill) throw new Error('no list');
      const { sent } = answer({ data: { [drill.resource]: { items: [], total: 0 } } });
      await dataProvider.getList(drill.resource, {
        filter: drill.filter,
        pagination: { page: 1, perPage: 25 },
        sort: { field: 'id', order: 'ASC' },
      });
      expect(sent[0]!.variables.filter).toEqual(drill.filter);
    }
  });
});
