/**
 * The API process: database, GraphQL over HTTP, and the built dashboard as static files.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type GraphQLRequest } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import express from 'express';
import type { Env, Mode } from './env.js';
import { openDatabase, sqliteDatabase, type Database } from './db/orm.js';
import type { Context, Settings } from './graphql/context.js';
import { formatError, withoutSuggestions } from './graphql/format-error.js';
import { getSchema } from './graphql/schema.js';
import { createTokenService, TokenError, type TokenService } from './modules/auth/token.js';
import { departmentScope } from './modules/department/department.service.js';
import { liveSessionUser } from './modules/auth/session.service.js';
import { ensureStandardCategories } from './modules/category/category.service.js';
import { drawRoutes } from './modules/draw/draw.routes.js';
import { attachmentRoutes } from './modules/attachment/attachment.routes.js';
import { bootstrap } from './demo/bootstrap.js';
import { AppError, UnauthenticatedError } from './graphql/errors.js';
import { localeOf, localizePlugin } from './graphql/localize.js';
import { graphqlGate, operationLimitsPlugin } from './graphql/limits.js';
import { compress, dashboard, jsonErrors, noStore, securityHeaders, takeTurns } from './http.js';
import {
  ATTACHMENT_MAX_MB_DEFAULT,
  DRAW_MIN_DELAY_SECONDS_DEFAULT,
  LOGIN_THROTTLE,
  megabytes,
  text,
  type Locale,
  type LoginThrottleLimits,
  type Text,
} from '@suiji/domain';
import { GraphQLError } from 'graphql';

export interface AppOptions {
  /**
   * `production` unless told otherwise: no introspection, no field suggestions, no stack traces;
   * `development` shows all three.
   */
  mode?: Mode;
  database: Database;
  jwtSecret: string;
  tokenTtlSeconds?: number;
  /** Load the demo data into an empty database. */
  demo?: boolean;
  /** With the demo data, two years of activity made through the services (default no: tests start bare). */
  demoHistory?: boolean;
  adminPassword?: string | null;
  adminStaticDir?: string | null;
  /** The largest attachment accepted, in megabytes (default 20). */
  attachmentMaxMb?: number;
  /** The time the rules go by (what day it is, when a draw runs); the system's by default. */
  clock?: () => Date;
  /** Published results name their team's inspectors (default no). */
  publicInspectorNames?: boolean;
  /** How failed sign-ins are throttled (default: the domain's `LOGIN_THROTTLE`). */
  loginThrottle?: LoginThrottleLimits;
  /** The least time between scheduling a draw and running it, in seconds (default a day). */
  drawMinDelaySeconds?: number;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For gives the client's address (default: none). */
  trustProxy?: string | number | null;
  log?: (line: string) => void;
}

export interface App {
  orm: MikroORM;
  tokens: TokenService;
  apollo: ApolloServer<Context>;
  /** Builds a request's context from its headers and client address; throws an unauthenticated error for a bad token. */
  contextFor(authorization: string | undefined, locale?: Locale, address?: string | null): Promise<Context>;
  /** Runs one operation in-process, as an HTTP request with those headers from that address would. */
  execute(
    request: GraphQLRequest,
    authorization?: string,
    locale?: Locale,
    address?: string | null,
  ): Promise<{
    data?: unknown;
    errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  }>;
  express: express.Express;
  listen(port: number, host: string): Promise<Server>;
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const log = options.log ?? ((line: string) => console.log(line));
  const clock = options.clock ?? (() => new Date());
  const orm = await openDatabase(options.database, {}, async (opened) => {
    await ensureStandardCategories(opened.em.fork());
    await bootstrap(opened.em.fork(), {
      demo: options.demo ?? false,
      demoHistory: options.demoHistory ?? false,
      now: clock(),
      adminPassword: options.adminPassword ?? null,
      log,
    });
  });
  const tokens = createTokenService(options.jwtSecret, options.tokenTtlSeconds ?? 12 * 3600);
  const settings: Settings = {
    attachmentMaxBytes: megabytes(options.attachmentMaxMb ?? ATTACHMENT_MAX_MB_DEFAULT),
    publicInspectorNames: options.publicInspectorNames ?? false,
    loginThrottle: options.loginThrottle ?? LOGIN_THROTTLE,
    drawMinDelayMs: (options.drawMinDelaySeconds ?? DRAW_MIN_DELAY_SECONDS_DEFAULT) * 1000,
  };

  async function contextFor(
    authorization: string | undefined,
    locale: Locale = 'zh-CN',
    address: string | null = null,
  ): Promise<Context> {
    try {
      return await identify(authorization, locale, address);
    } catch (error) {
      // Context errors bypass the localizing plugin: answer in the reader's language here.
      if (error instanceof AppError)
        throw new GraphQLError((error.extensions.text as Text)[locale], {
          extensions: { code: error.extensions.code, http: { status: 401 } },
        });
      throw error;
    }
  }

  async function identify(
    authorization: string | undefined,
    locale: Locale,
    address: string | null,
  ): Promise<Context> {
    const em = orm.em.fork();
    const base: Context = {
      em,
      actor: null,
      user: null,
      sessionId: null,
      address,
      tokens,
      locale,
      settings,
      clock,
    };
    if (!authorization) return base;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1])
      throw new UnauthenticatedError(
        text(
          'The Authorization header must be "Bearer <token>": sign in again.',
          'Authorization 请求头应为“Bearer <token>”：请重新登录。',
        ),
      );
    let claims: { userId: string; sessionId: string };
    try {
      claims = await tokens.verify(match[1]);
    } catch (error) {
      if (error instanceof TokenError) throw new UnauthenticatedError(error.text);
      throw error;
    }
    const user = await liveSessionUser(em, claims.sessionId, claims.userId);
    if (!user)
      throw new UnauthenticatedError(
        text(
          'This login has ended (signed out, password changed or account deactivated): sign in again, or ask an administrator.',
          '该登录已失效（已退出、密码已更改或账号已停用）：请重新登录或联系管理员。',
        ),
      );
    const departmentIds = await departmentScope(em, user.department.id);
    return {
      ...base,
      user,
      sessionId: claims.sessionId,
      actor: { id: user.id, role: user.role, departmentIds },
    };
  }

  const development = (options.mode ?? 'production') === 'development';
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError: development
      ? formatError
      : (error, original) => withoutSuggestions(formatError(error, original)),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used (answers are per user: `noStore`); the default plugin would time every field.
      ApolloServerPluginCacheControlDisabled(),
      localizePlugin,
      operationLimitsPlugin,
    ],
    nodeEnv: development ? 'development' : 'production',
    introspection: development,
    includeStacktraceInErrorResponses: development,
    // Queries are sent whole, so each is held to its caller's limits; none is run by a stored hash.
    persistedQueries: false,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy != null) app.set('trust proxy', options.trustProxy);
  // One queue of turns for the server: a request waits for one as it comes and again once its body is read.
  const turns = takeTurns();
  app.use(turns, securityHeaders(), compress());
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    noStore(),
    ...graphqlGate(contextFor, localeOf, turns),
    expressMiddleware(apollo, { context: async ({ res }) => res.locals.context as Context }),
  );
  app.use(drawRoutes(orm));
  app.use(attachmentRoutes({ contextFor, maxBytes: settings.attachmentMaxBytes }));
  const staticDir = options.adminStaticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    app.use(dashboard(staticDir));
    log(`Dashboard served from ${staticDir}`);
  }

  app.use(jsonErrors);

  let server: Server | undefined;
  return {
    orm,
    tokens,
    apollo,
    contextFor,
    express: app,
    async execute(request, authorization, locale, address) {
      let contextValue: Context;
      try {
        contextValue = await contextFor(authorization, locale, address);
      } catch (error) {
        const e = error as GraphQLError;
        return { errors: [{ message: e.message, extensions: e.extensions }] };
      }
      const response = await apollo.executeOperation(request, { contextValue });
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
      return response.body.singleResult;
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
        server = s;
      });
    },
    async close() {
      const s = server;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
      await apollo.stop();
      await orm.close(true);
    },
  };
}

/** The dashboard built beside this package in the monorepo, used when no folder is configured. */
export function defaultAdminStaticDir(): string {
  return fileURLToPath(new URL('../../admin/dist', import.meta.url));
}

/** The configured signing secret, or one generated once into the data folder. */
export function jwtSecretFor(env: Env): string {
  if (env.jwtSecret) return env.jwtSecret;
  const file = join(env.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(env.dataDir, { recursive: true });
  // Processes started together on a new data folder must agree on one secret: each writes its own to a
  // file of its own and links it into place; whoever links second reads the winner's.
  const mine = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(mine, randomBytes(32).toString('base64url'), { mode: 0o600 });
  try {
    linkSync(mine, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(mine);
  }
  return readFileSync(file, 'utf8').trim();
}

export function databaseFor(env: Env): Database {
  return env.databaseUrl ? { kind: 'postgresql', url: env.databaseUrl } : sqliteDatabase(env.dataDir);
}
