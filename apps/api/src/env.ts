/**
 * The API's configuration: read from the environment and validated here, and nowhere else.
 */
import { resolve } from 'node:path';
import { ATTACHMENT_MAX_MB_DEFAULT, DRAW_MIN_DELAY_SECONDS_DEFAULT } from '@suiji/domain';

/**
 * How the API runs: `production` (the default, whatever starts it) hides the schema (no introspection, no
 * field suggestions) and stack traces; `development` shows them, and only when asked for.
 */
export type Mode = 'production' | 'development';

export const MODES: readonly Mode[] = ['production', 'development'];

export interface Env {
  mode: Mode;
  /** PostgreSQL connection URL; when absent the embedded SQLite database in `dataDir` is used. */
  databaseUrl: string | null;
  /** Folder of the embedded database and generated secrets. */
  dataDir: string;
  port: number;
  host: string;
  /** Secret that signs login tokens; generated into `dataDir` when not configured. */
  jwtSecret: string | null;
  /** How long a login token lasts, in seconds. */
  tokenTtlSeconds: number;
  /** Password of the first administrator; generated and printed once when not configured. */
  adminPassword: string | null;
  /** Whether to load the demo data into an empty database (default: yes on the embedded database only). */
  demo: boolean;
  /** Folder of the built dashboard, served at `/` when present. */
  adminStaticDir: string | null;
  /** The largest attachment (photo or PDF) accepted, in megabytes. */
  attachmentMaxMb: number;
  /** Whether published results (公示) name the inspectors of their team; off unless the deployment decides so. */
  publicInspectorNames: boolean;
  /**
   * Express's `trust proxy`, for a deployment behind a reverse proxy: the proxies (addresses, subnets,
   * `loopback`, or a number of hops) whose X-Forwarded-For names the client, whose address failed
   * sign-ins are counted by. Null: the connection's own address.
   */
  trustProxy: string | number | null;
  /** The least time between scheduling a draw and running it, in seconds (default a day). */
  drawMinDelaySeconds: number;
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
  return value;
}

function flag(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false; it is "${raw}".`);
}

/** Reads the configuration from `source` (the process environment by default). Throws a readable error on bad values. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const databaseUrl = source.SUIJI_DATABASE_URL || source.DATABASE_URL || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error(
      `SUIJI_DATABASE_URL must be a PostgreSQL URL such as postgresql://user@127.0.0.1:5432/suiji; it is "${databaseUrl}".`,
    );
  const mode = (source.SUIJI_ENV || 'production') as Mode;
  if (!MODES.includes(mode))
    throw new Error(`SUIJI_ENV must be ${MODES.join(' or ')}; it is "${source.SUIJI_ENV}".`);
  const jwtSecret = source.SUIJI_JWT_SECRET || null;
  if (jwtSecret !== null && jwtSecret.length < 16)
    throw new Error('SUIJI_JWT_SECRET must have at least 16 characters.');
  return {
    mode,
    databaseUrl,
    dataDir: resolve(source.SUIJI_DATA_DIR || 'data'),
    port: integer('SUIJI_PORT', source.SUIJI_PORT, 4000, 0, 65535),
    host: source.SUIJI_HOST || '127.0.0.1',
    jwtSecret,
    tokenTtlSeconds: integer('SUIJI_TOKEN_TTL', source.SUIJI_TOKEN_TTL, 12 * 3600, 60, 30 * 24 * 3600),
    adminPassword: source.SUIJI_ADMIN_PASSWORD || null,
    demo: flag('SUIJI_DEMO', source.SUIJI_DEMO, databaseUrl === null),
    adminStaticDir: source.SUIJI_ADMIN_STATIC_DIR ? resolve(source.SUIJI_ADMIN_STATIC_DIR) : null,
    attachmentMaxMb: integer(
      'SUIJI_ATTACHMENT_MAX_MB',
      source.SUIJI_ATTACHMENT_MAX_MB,
      ATTACHMENT_MAX_MB_DEFAULT,
      1,
      1024,
    ),
    publicInspectorNames: flag('SUIJI_PUBLIC_INSPECTOR_NAMES', source.SUIJI_PUBLIC_INSPECTOR_NAMES, false),
    drawMinDelaySeconds: integer(
      'SUIJI_DRAW_MIN_DELAY',
      source.SUIJI_DRAW_MIN_DELAY,
      DRAW_MIN_DELAY_SECONDS_DEFAULT,
      0,
      30 * 24 * 3600,
    ),
    trustProxy: !source.SUIJI_TRUST_PROXY
      ? null
      : /^\d+$/.test(source.SUIJI_TRUST_PROXY)
        ? Number(source.SUIJI_TRUST_PROXY)
        : source.SUIJI_TRUST_PROXY,
  };
}
