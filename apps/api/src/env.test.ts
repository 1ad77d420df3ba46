import { describe, expect, it } from 'vitest';
import { readEnv } from './env.js';

describe('configuration', () => {
  it('defaults to the embedded database with demo data', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      mode: 'production',
      databaseUrl: null,
      port: 4000,
      host: '127.0.0.1',
      demo: true,
      jwtSecret: null,
      attachmentMaxMb: 20,
      publicInspectorNames: false,
    });
    expect(readEnv({ SUIJI_PUBLIC_INSPECTOR_NAMES: 'yes' }).publicInspectorNames).toBe(true);
  });

  it('runs in development only when asked to', () => {
    expect(readEnv({ SUIJI_ENV: 'development' }).mode).toBe('development');
    expect(readEnv({ NODE_ENV: 'development' }).mode).toBe('production');
  });

  it('uses PostgreSQL without demo data when a URL is given', () => {
    const env = readEnv({ SUIJI_DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/suiji' });
    expect(env).toMatchObject({ databaseUrl: 'postgresql://postgres@127.0.0.1:5432/suiji', demo: false });
  });

  it('trusts no proxy for the client address unless told which, by address or by number of hops', () => {
    expect(readEnv({}).trustProxy).toBeNull();
    expect(readEnv({ SUIJI_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(readEnv({ SUIJI_TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it('says which setting is wrong and what it should be', () => {
    expect(() => readEnv({ SUIJI_PORT: 'eighty' })).toThrow(
      /SUIJI_PORT must be a whole number from 0 to 65535/,
    );
    expect(() => readEnv({ SUIJI_DATABASE_URL: 'mysql://x' })).toThrow(/must be a PostgreSQL URL/);
    expect(() => readEnv({ SUIJI_JWT_SECRET: 'short' })).toThrow(/at least 16 characters/);
    expect(() => readEnv({ SUIJI_ENV: 'dev' })).toThrow(
      /SUIJI_ENV must be production or development; it is "dev"/,
    );
    expect(() => readEnv({ SUIJI_DEMO: 'maybe' })).toThrow(/SUIJI_DEMO must be true or false/);
    expect(() => readEnv({ SUIJI_PUBLIC_INSPECTOR_NAMES: 'some' })).toThrow(
      /SUIJI_PUBLIC_INSPECTOR_NAMES must be true or false/,
    );
    expect(() => readEnv({ SUIJI_ATTACHMENT_MAX_MB: '0' })).toThrow(
      /SUIJI_ATTACHMENT_MAX_MB must be a whole number from 1 to 1024/,
    );
  });
});
