/**
 * What every HTTP request and response of the API and the dashboard goes through: turns of the event
 * loop (`takeTurns`), security headers, compression, and the built dashboard's caching; and a last
 * handler that answers an unexpected error as JSON, never a stack.
 */
import { join, relative } from 'node:path';
import compression from 'compression';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import helmet from 'helmet';
import { text } from '@suiji/domain';
import { localeOf } from './graphql/localize.js';

/**
 * Only the app's own origin: the dashboard's build has no inline script, and loads nothing from elsewhere.
 * Styles need 'unsafe-inline': MUI styles through emotion, which writes <style> elements at run time (a
 * nonce would need the page rendered per request). Images also from data: (the favicon) and blob: (the
 * preview of an attachment, fetched with the login token).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * gzip or brotli, as the browser accepts, for the dashboard's files and the API's JSON (a page of a list
 * shrinks to a tenth). Photos and PDFs are already compressed: their types are not compressible, so they
 * go as they are.
 */
export function compress(): RequestHandler {
  return compression();
}

/**
 * The built dashboard: files under `assets/` have a content hash in their names, so they are cached for a
 * year and never asked again; `index.html` names the current ones, so it is checked at every load.
 */
export function dashboard(staticDir: string): RequestHandler {
  const assets = join(staticDir, 'assets');
  return express.static(staticDir, {
    index: 'index.html',
    cacheControl: false,
    setHeaders(res, path) {
      const inAssets = !relative(assets, path).startsWith('..');
      res.setHeader('Cache-Control', inAssets ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

const SERVER_FAILED = text(
  'Something went wrong on the server; nothing was changed. Try again, or report it if it persists.',
  '服务器出错，本次未做任何更改。请重试；如仍出错，请报告。',
);

/** Errors no route answered: a client's mistake keeps its status, anything else is logged and hidden. */
export const jsonErrors: ErrorRequestHandler = (
  error: { status?: number; expose?: boolean },
  req,
  res,
  next,
) => {
  if (res.headersSent) return next(error);
  const locale = localeOf(req.headers['accept-language']);
  const status =
    typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) console.error(error);
  const message =
    status < 500 && error.expose && error instanceof Error ? error.message : SERVER_FAILED[locale];
  res.status(status).json({
    errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }],
  });
};

/**
 * Record ids in a route's path are UUIDs: anything else (a NUL byte, a megabyte of text) cannot name a
 * record, so it is a 404 before any database sees it.
 */
export function guardIdParam(router: express.Router): void {
  router.param('id', (req, res, next, id: string) => {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return next();
    const shown = id.slice(0, 64).replace(/[^\x20-\x7e]/g, '?');
    const message = text(
      `"${shown}" is not a record id: check the address.`,
      `“${shown}”不是记录编号：请检查地址。`,
    );
    const locale = localeOf(req.headers['accept-language']);
    res.status(404).json({ error: { code: 'NOT_FOUND', message: message[locale], text: message } });
  });
}

/**
 * GraphQL answers are per user and may hold personal data: no cache (a browser's or a proxy's) keeps one.
 * (Apollo's cache-control plugin, which would say so, is off: it timed every field of every answer.)
 */
export function noStore(): RequestHandler {
  return (_request, response, next) => {
    response.setHeader('cache-control', 'no-store');
    next();
  };
}

/**
 * Admits requests in turns of the event loop, each turn starting requests until it has run for
 * `budgetMs`; the rest wait for the next turn, in the order they came. Node accepts one new connection
 * per turn of its loop, and a request on SQLite (whose statements run on this thread) does all its work
 * in the turn it starts in: under load, a turn that starts every waiting request lasts long enough that
 * clients still connecting wait many seconds just to be accepted (200 clients, 2 cores: timeouts after
 * 10 s, while every request was served in under 0.4 s). Short turns keep new connections coming in.
 */
export function takeTurns(budgetMs = 10): RequestHandler {
  const waiting: (() => void)[] = [];
  /** When the turn's first request started; null until it does. */
  let turnStart: number | null = null;
  /** The turn's budget is spent: what is still waiting starts in the next turn. */
  let spent = false;
  const nextTurn = () => {
    turnStart = null;
    spent = false;
  };
  // One immediate per waiting request: Node runs a request's promises (and so, on SQLite, its whole
  // work) between two immediates, so each looks at the time the ones before it took.
  const admit = () => {
    const next = waiting.shift();
    if (!next) return;
    const now = performance.now();
    turnStart ??= now;
    if (spent || now - turnStart >= budgetMs) {
      waiting.unshift(next);
      // Immediates set now run in the next turn, `nextTurn` first.
      if (!spent) setImmediate(nextTurn);
      spent = true;
      setImmediate(admit);
      return;
    }
    next();
  };
  return (_req, _res, next) => {
    waiting.push(next);
    setImmediate(admit);
  };
}
