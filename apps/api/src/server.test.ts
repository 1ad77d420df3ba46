import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, jwtSecretFor, type App } from './server.js';
import { readEnv } from './env.js';
import { freshDatabase } from './test/harness.js';

describe('the HTTP server', () => {
  let app: App;
  let server: Server;
  let base: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    const staticDir = mkdtempSync(join(tmpdir(), 'suiji-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>suiji</title>');
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'assets', 'index-Bx1y2z3.js'), `console.log(${'"suiji", '.repeat(500)});`);
    app = await createApp({
      mode: 'production',
      database: fresh.database,
      jwtSecret: 'http-test-secret-long',
      demo: true,
      adminStaticDir: staticDir,
      log: () => {},
    });
    server = await app.listen(0, '127.0.0.1');
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers the health check and serves the dashboard', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${base}/`)).text()).toContain('<title>suiji</title>');
  });

  it('sends security headers: only its own origin, no framing, no sniffing, no referrer', async () => {
    for (const path of ['/', '/graphql?query=%7B__typename%7D', '/health']) {
      const headers = (await fetch(`${base}${path}`, { headers: { 'apollo-require-preflight': '1' } }))
        .headers;
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp.split(';')).toEqual([
        "default-src 'self'",
        "script-src 'self'",
        "script-src-attr 'none'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });

  it('compresses the dashboard and GraphQL answers for browsers that accept it', async () => {
    const asset = await fetch(`${base}/assets/index-Bx1y2z3.js`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(await asset.text()).toContain('"suiji"');
    const login: any = await (
      await post({ query: 'mutation { login(username: "admin", password: "admin12345") { token } }' })
    ).json();
    const list = await post(
      { query: '{ targets(page: { page: 1, perPage: 100 }) { items { id name creditCode address } } }' },
      { authorization: `Bearer ${login.data.login.token}`, 'accept-encoding': 'gzip' },
    );
    expect(list.headers.get('content-encoding')).toBe('gzip');
    // Answers are per user: no cache keeps them.
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(((await list.json()) as any).data.targets.items).toHaveLength(100);
  });

  it('caches hashed assets for a year and checks index.html at every load', async () => {
    const asset = await fetch(`${base}/assets/index-Bx1y2z3.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html'])
      expect((await fetch(`${base}${path}`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers an unexpected request error as JSON, without a stack trace', async () => {
    const response = await fetch(`${base}/draws/%E0%A4%A/pool.txt`, { headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(body).not.toMatch(/at .*\.js/);
  });

  it('signs in and answers GraphQL over HTTP with the bearer token', async () => {
    const login: any = await (
      await post({ query: 'mutation { login(username: "admin", password: "admin12345") { token } }' })
    ).json();
    const token = login.data.login.token as string;
    const me: any = await (
      await post({ query: '{ me { username } }' }, { authorization: `Bearer ${token}` })
    ).json();
    expect(me.data.me).toEqual({ username: 'admin' });
  });

  it('refuses a malformed Authorization header as unauthenticated, without a stack trace', async () => {
    const response = await post(
      { query: '{ me { username } }' },
      { authorization: 'Token abc', 'accept-language': 'en' },
    );
    const body: any = await response.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(/Bearer <token>/);
    expect(JSON.stringify(body)).not.toContain('stacktrace');
  });

  it('answers in Chinese by default and in English when the reader asks for it', async () => {
    const query = { query: 'mutation { login(username: "admin", password: "wrong-password") { token } }' };
    const zh: any = await (await post(query)).json();
    expect(zh.errors[0].message).toBe('用户名或密码错误：请核对后重试。');
    expect(zh.errors[0].extensions.text).toBeUndefined();
    const en: any = await (await post(query, { 'accept-language': 'en-US,en;q=0.9' })).json();
    expect(en.errors[0].message).toBe('Wrong username or password: check both and try again.');
    const invalid: any = await (
      await post(
        { query: '{ items(page: { page: 1, perPage: 0 }) { total } }' },
        { 'accept-language': 'zh-CN' },
      )
    ).json();
    expect(invalid.errors[0].message).toMatch(/不能小于 1/);
    const badToken: any = await (
      await post({ query: '{ me { id } }' }, { authorization: 'Bearer nonsense' })
    ).json();
    expect(badToken.errors[0]).toMatchObject({
      message: '登录凭证无效：请重新登录。',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('says which paging value is wrong', async () => {
    const response = await post(
      { query: '{ items(page: { page: 1, perPage: 0 }) { total } }' },
      { 'accept-language': 'en' },
    );
    const body: any = await response.json();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/perPage/);
  });
});

describe('the generated signing secret', () => {
  it('is written once into a new data folder, readable by its owner only, and read back after', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'suiji-secret-')), 'data');
    const env = { ...readEnv({}), dataDir };
    const first = jwtSecretFor(env);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(jwtSecretFor(env)).toBe(first);
    // Each process writes a file of its own and links it into place: none is left behind.
    expect(readdirSync(dataDir)).toEqual(['jwt-secret']);
  });

  it('keeps a secret another process put in place first', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suiji-secret-'));
    writeFileSync(join(dataDir, 'jwt-secret'), 'the-other-process-secret\n');
    expect(jwtSecretFor({ ...readEnv({}), dataDir })).toBe('the-other-process-secret');
  });
});
