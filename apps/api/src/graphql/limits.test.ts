/**
 * Every bound on GraphQL work, over real HTTP as the dashboard sends its operations (POST /graphql, JSON,
 * Accept-Language, the bearer token): each hostile request is refused with a 4xx and a message naming the
 * bound, the public's tighter than staff's, and ordinary operations still pass.
 */
import type { Server } from 'node:http';
import { IMPORT_FILE_MAX_BASE64, IMPORT_REQUEST_MAX_BYTES, REQUEST_LIMITS } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../server.js';
import { freshDatabase, JWT_SECRET } from '../test/harness.js';

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function started(mode: 'production' | 'development') {
  const { database, drop } = await freshDatabase();
  const app: App = await createApp({ mode, database, jwtSecret: JWT_SECRET, demo: true, log: () => {} });
  const server: Server = await app.listen(0, '127.0.0.1');
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  const send = async (body: string, token?: string, locale = 'en'): Promise<Answer> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Accept-Language': locale,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body,
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const post = (query: string, variables: Record<string, unknown> = {}, token?: string, locale = 'en') =>
    send(JSON.stringify({ query, variables }), token, locale);
  const login = async (username: string) =>
    (await post(`mutation { login(username: "${username}", password: "${username}12345") { token } }`)).body
      .data.login.token as string;
  const token = await login('admin');
  const coordinatorToken = await login('coordinator');
  return {
    send,
    post,
    token,
    coordinatorToken,
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** The first error of a refused request: its status, code and message. */
function refusal(answer: Answer) {
  return {
    status: answer.status,
    code: answer.body.errors?.[0]?.extensions?.code,
    message: answer.body.errors?.[0]?.message ?? '',
  };
}

/** `levels` inline fragments nested in one another around `inner`: valid against any schema. */
function nested(levels: number, inner: string): string {
  return `{ ${'... on Query { '.repeat(levels)}${inner}${' }'.repeat(levels)} }`;
}

const { anonymous, signedIn } = REQUEST_LIMITS;

describe('bounded GraphQL work in production', () => {
  let api: Awaited<ReturnType<typeof started>>;
  beforeAll(async () => {
    api = await started('production');
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await api?.close();
  });

  it('refuses a query nested deeper than its caller may go, the public less deep than staff', async () => {
    // Real fields: a department's parent's parent's … (a fragment adds no depth, only its fields do).
    const parents = (levels: number) =>
      `{ departments { items { ${'parent { '.repeat(levels)}id${' }'.repeat(levels)} } } }`;
    expect(refusal(await api.post(parents(anonymous.depth - 2)))).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: `This operation nests fields ${anonymous.depth + 1} levels deep; at most ${anonymous.depth} are allowed without signing in. Ask for fewer nested fields.`,
    });
    expect(refusal(await api.post(parents(signedIn.depth), {}, api.token, 'zh-CN'))).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: `该操作的字段嵌套 ${signedIn.depth + 3} 层，最多允许 ${signedIn.depth} 层。请减少嵌套的字段。`,
    });
    // Between the two limits: staff may, the public may not.
    const between = parents(anonymous.depth - 2);
    expect((await api.post(between, {}, api.token)).body.errors).toBeUndefined();
    expect(refusal(await api.post(between)).status).toBe(400);
    // Fragments nested in one another, whatever their depth, are still bounded: by the operation's cost.
    expect(refusal(await api.post(nested(16, '__typename'))).status).toBe(400);
  });

  it('refuses many aliases, such as sixty exports in one request', async () => {
    const exports = Array.from({ length: 60 }, (_, i) => `e${i}: exportTargets { filename }`).join(' ');
    expect(refusal(await api.post(`{ ${exports} }`, {}, api.token))).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: `This operation uses 60 aliases; at most ${signedIn.aliases} are allowed. Send separate requests instead.`,
    });
    const aliases = Array.from({ length: anonymous.aliases + 1 }, (_, i) => `m${i}: me { id }`).join(' ');
    expect(refusal(await api.post(`{ ${aliases} }`)).message).toMatch(
      `at most ${anonymous.aliases} are allowed without signing in`,
    );
  });

  it('refuses a huge query text before parsing it', async () => {
    const huge = `{ me { id } } # ${'x'.repeat(30 * 1024 * 1024)}`;
    const started = Date.now();
    expect(refusal(await api.post(huge, {}, api.token))).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: `This operation is ${huge.length} characters long; at most ${signedIn.characters} are allowed. Ask for fewer fields.`,
    });
    // Generous: parsing it took 15 s and 3 GB before there was a bound.
    expect(Date.now() - started).toBeLessThan(10_000);
    const long = `{ me { id } } # ${'x'.repeat(anonymous.characters)}`;
    expect(refusal(await api.post(long))).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('refuses an operation of too many tokens', async () => {
    const ids = (n: number) => `{ me { ${'id '.repeat(n)}} }`;
    expect(refusal(await api.post(ids(signedIn.tokens), {}, api.token))).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: `This operation has more than ${signedIn.tokens} tokens (names, punctuation and values), the most allowed. Ask for fewer fields and arguments.`,
    });
    expect(refusal(await api.post(ids(anonymous.tokens), {}, undefined, 'zh-CN')).message).toBe(
      `该操作超过 ${anonymous.tokens} 个记号（名称、标点和值），这是未登录时允许的上限。请减少所请求的字段和参数。`,
    );
  });

  it('refuses an operation of too high a cost within the other bounds', async () => {
    // 200 fields 7 levels down: within depth, aliases and tokens, but each counts 1.5⁷ times.
    const levels = signedIn.depth - 3;
    const wide = `{ departments { items { ${'parent { '.repeat(levels)}${'id '.repeat(200)}${'} '.repeat(levels)}} } }`;
    const answer = refusal(await api.post(wide, {}, api.token));
    expect(answer).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(answer.message).toMatch(
      new RegExp(
        `^This operation costs \\d+ \\(its fields, weighted by depth\\); at most ${signedIn.cost} is allowed\\.`,
      ),
    );
    const broad = nested(anonymous.depth - 1, '__typename '.repeat(150));
    expect(refusal(await api.post(broad)).message).toMatch(
      `at most ${anonymous.cost} is allowed without signing in`,
    );
  });

  it('refuses a body over its caller’s limit with 413, and a batch', async () => {
    const padding = (bytes: number) =>
      JSON.stringify({ query: '{ me { id } }', variables: { x: 'x'.repeat(bytes) } });
    expect(refusal(await api.send(padding(anonymous.bodyBytes)))).toEqual({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request is larger than ${anonymous.bodyBytes / 1024} KB, the most the API accepts without signing in.`,
    });
    const started = Date.now();
    // Staff who may not import send at most the ordinary body; an administrator, an import's.
    expect(refusal(await api.send(padding(signedIn.bodyBytes), api.coordinatorToken))).toEqual({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request is larger than ${signedIn.bodyBytes / 1024} KB, the most the API accepts for anything but an import; send less, or import the file.`,
    });
    expect(refusal(await api.send(padding(IMPORT_REQUEST_MAX_BYTES), api.token, 'zh-CN'))).toEqual({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `请求超过 API 接受的上限 ${Math.round(IMPORT_REQUEST_MAX_BYTES / 1024 / 1024)} MB；导入文件最大为 30 MB。`,
    });
    // The import's larger body carries an import and nothing else.
    expect(refusal(await api.send(padding(signedIn.bodyBytes * 4), api.token))).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    const batch = JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { username } }' }]);
    expect(refusal(await api.send(batch, api.token))).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: 'Send one operation per request: a batch (a JSON array of operations) is not accepted.',
    });
    expect(refusal(await api.send('{"query": "{ me { id } }"'))).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
    });
  });

  it('lets an import of the largest file through to the import itself', async () => {
    const file = { filename: 'targets.xlsx', contentBase64: 'A'.repeat(IMPORT_FILE_MAX_BASE64) };
    const answer = await api.post(
      'mutation Import($file: FileInput!) { importTargets(file: $file) { ok imported rows errors { row column message hint } } }',
      { file },
      api.token,
    );
    // Whatever the import says of thirty megabytes of zeros, the request itself was accepted.
    expect(answer.status).not.toBe(413);
    expect(answer.body.errors?.[0]?.extensions?.code).not.toBe('PAYLOAD_TOO_LARGE');
    expect(answer.body.errors?.[0]?.extensions?.code).not.toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses two exports in one operation, however they are wrapped', async () => {
    for (const query of [
      '{ exportTargets { filename } exportUsers { filename } }',
      '{ ... on Query { exportTargets { filename } } ...More } fragment More on Query { exportItems { filename } }',
    ])
      expect(refusal(await api.post(query, {}, api.token))).toEqual({
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: "Ask for one export per request: each builds a whole registry's file.",
      });
    const one = await api.post('{ exportItems { filename } }', {}, api.token);
    expect(one.body.errors).toBeUndefined();
  });

  it('refuses a list of more ids than a page holds', async () => {
    const ids = Array.from(
      { length: 501 },
      (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    );
    const answer = await api.post(
      'query($f: TargetFilter) { targets(filter: $f) { total } }',
      { f: { ids } },
      api.token,
    );
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers ordinary operations, signed in and not', async () => {
    const list = await api.post(
      `query List($filter: TargetFilter, $sort: SortInput, $page: PageInput) {
  targets(filter: $filter, sort: $sort, page: $page) { items { id createdAt updatedAt name creditCode kind legalRepresentative address region contact tags riskClass status targetTypes abnormal abnormalReason problemCount } total }
}`,
      { filter: { q: '舞钢' }, sort: { field: 'name', order: 'ASC' }, page: { page: 1, perPage: 25 } },
      api.token,
    );
    expect(list.status).toBe(200);
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data.targets.total).toBeGreaterThan(0);
    const draws = await api.post(
      'query List($page: PageInput) { publicDraws(page: $page) { items { id status } total } }',
      {
        page: { page: 1, perPage: 25 },
      },
    );
    expect(draws).toMatchObject({ status: 200, body: { data: { publicDraws: { total: 0 } } } });
  });

  it('does not describe its schema: no introspection, no suggestions, no stack traces', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Target") { fields { name } } }'])
      expect(refusal(await api.post(query, {}, api.token))).toEqual({
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        message:
          'This server does not describe its schema (__schema, __type) in production: read apps/api/schema.graphql, or start the API with SUIJI_ENV=development.',
      });
    const typo = await api.post('{ mee { id } }');
    expect(refusal(typo)).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'Cannot query field "mee" on type "Query".',
    });
    const variable = await api.post(
      'query($f: UserFilter) { users(filter: $f) { total } }',
      { f: { rle: 'ADMIN' } },
      api.token,
    );
    expect(refusal(variable).status).toBe(400);
    expect(refusal(variable).message).not.toMatch(/Did you mean|role/);
    const invalid = await api.post('{ items(page: { page: 1, perPage: 0 }) { total } }', {}, api.token);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(invalid.body)).not.toContain('stacktrace');
  });
});

describe('development, when asked for', () => {
  let api: Awaited<ReturnType<typeof started>>;
  beforeAll(async () => {
    api = await started('development');
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await api?.close();
  });

  it('describes its schema, suggests fields and shows stack traces', async () => {
    expect((await api.post('{ __schema { queryType { name } } }')).body).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    expect(refusal(await api.post('{ mee { id } }')).message).toBe(
      'Cannot query field "mee" on type "Query". Did you mean "me"?',
    );
    const invalid = await api.post('{ items(page: { page: 1, perPage: 0 }) { total } }', {}, api.token);
    expect(invalid.body.errors?.[0]?.extensions?.stacktrace).toEqual(expect.any(Array));
  });

  it('keeps the same limits', async () => {
    expect(refusal(await api.post(nested(16, '__typename'))).status).toBe(400);
  });
});
