import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from './server.js';
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
    app = await createApp({ database: fresh.database, jwtSecret: 'http-test-secret-long', demo: true, adminStaticDir: staticDir, log: () => {} });
    server = await app.listen(0, '127.0.0.1');
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers the health check and serves the dashboard', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${base}/`)).text()).toContain('<title>suiji</title>');
  });

  it('signs in and answers GraphQL over HTTP with the bearer token', async () => {
    const login = await (await post({ query: 'mutation { login(username: "admin", password: "admin12345") { token } }' })).json();
    const token = login.data.login.token as string;
    const me = await (await post({ query: '{ me { username } }' }, { authorization: `Bearer ${token}` })).json();
    expect(me.data.me).toEqual({ username: 'admin' });
  });

  it('refuses a malformed Authorization header as unauthenticated, without a stack trace', async () => {
    const response = await post({ query: '{ me { username } }' }, { authorization: 'Token abc' });
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(/Bearer <token>/);
    expect(JSON.stringify(body)).not.toContain('stacktrace');
  });

  it('says which paging value is wrong', async () => {
    const response = await post({ query: '{ items(page: { page: 1, perPage: 0 }) { total } }' });
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/perPage/);
  });
});
