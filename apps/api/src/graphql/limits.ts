/**
 * Bounded GraphQL work: each request is held to its caller's limits (`REQUEST_LIMITS` in the domain; the
 * public's are tighter than signed-in staff's) and refused with a 4xx and a message naming the bound,
 * before anything runs. The HTTP gate checks what it can before the operation is parsed — the body's size,
 * batches, the operation's length and tokens — so a huge text costs nothing; the plugin checks what needs
 * the parsed operation — depth, aliases, cost — with graphql-armor's rules.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  canAccess,
  EXPORTS_PER_OPERATION_MAX,
  IMPORT_FILE_MAX_BYTES,
  IMPORT_REQUEST_MAX_BYTES,
  REQUEST_LIMITS,
  RESOURCES,
  text,
  type Actor,
  type Locale,
  type RequestLimits,
  type Text,
} from '@suiji/domain';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from './context.js';
import { AppError } from './errors.js';

export function limitsFor(actor: Actor | null): Readonly<RequestLimits> {
  return actor ? REQUEST_LIMITS.signedIn : REQUEST_LIMITS.anonymous;
}

/** A request over one of its caller's limits: refused before it runs. */
export class LimitError extends AppError {
  constructor(code: 'GRAPHQL_VALIDATION_FAILED' | 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE', message: Text) {
    super(code, message);
    this.extensions.http = { status: code === 'PAYLOAD_TOO_LARGE' ? 413 : 400 };
  }
}

type Measured = 'characters' | 'tokens' | 'depth' | 'aliases' | 'cost';

/** What was measured and how to stay within it; `who` names the public's tighter bound. */
const REFUSALS: Record<Measured, (found: number, max: number, who: Text) => Text> = {
  characters: (found, max, who) =>
    text(
      `This operation is ${found} characters long; at most ${max} are allowed${who.en}. Ask for fewer fields.`,
      `该操作长 ${found} 个字符，${who['zh-CN']}最多允许 ${max} 个。请减少所请求的字段。`,
    ),
  tokens: (_found, max, who) =>
    text(
      `This operation has more than ${max} tokens (names, punctuation and values), the most allowed${who.en}. Ask for fewer fields and arguments.`,
      `该操作超过 ${max} 个记号（名称、标点和值），这是${who['zh-CN']}允许的上限。请减少所请求的字段和参数。`,
    ),
  depth: (found, max, who) =>
    text(
      `This operation nests fields ${found} levels deep; at most ${max} are allowed${who.en}. Ask for fewer nested fields.`,
      `该操作的字段嵌套 ${found} 层，${who['zh-CN']}最多允许 ${max} 层。请减少嵌套的字段。`,
    ),
  aliases: (found, max, who) =>
    text(
      `This operation uses ${found} aliases; at most ${max} are allowed${who.en}. Send separate requests instead.`,
      `该操作使用了 ${found} 个别名，${who['zh-CN']}最多允许 ${max} 个。请分成多个请求发送。`,
    ),
  cost: (found, max, who) =>
    text(
      `This operation costs ${found} (its fields, weighted by depth); at most ${max} is allowed${who.en}. Ask for fewer fields, or split it into several requests.`,
      `该操作的开销为 ${found}（按层级加权的字段数），${who['zh-CN']}最多允许 ${max}。请减少字段，或分成多个请求。`,
    ),
};

const ANONYMOUS = text(' without signing in', '未登录时');
const SIGNED_IN = text('', '');

/** The refusal of an operation that measures `found` where its caller may go up to `max`. */
export function overLimit(name: Measured, found: number, max: number, actor: Actor | null): LimitError {
  return new LimitError(
    'GRAPHQL_VALIDATION_FAILED',
    REFUSALS[name](Math.ceil(found), max, actor ? SIGNED_IN : ANONYMOUS),
  );
}

/** The operation's depth, aliases and cost as graphql-armor measures them: the largest of its operations. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
): Record<'depth' | 'aliases' | 'cost', number> {
  const found = { depth: 0, aliases: 0, cost: 0 };
  const keep =
    (name: keyof typeof found) =>
    (_context: unknown, { n }: { n: number }) => {
      found[name] = Math.max(found[name], n);
    };
  // No bound here: each rule only reports what it measured; the caller's limits are compared after.
  // Depth is the nesting of fields: a fragment spread adds none (the dashboard selects records by fragments).
  validate(schema, document, [
    maxDepthRule({ n: Infinity, flattenFragments: true, onAccept: [keep('depth')] }),
    maxAliasesRule({ n: Infinity, onAccept: [keep('aliases')] }),
    costLimitRule({ maxCost: Infinity, onAccept: [keep('cost')] }),
  ]);
  return found;
}

/** Whether the text has more than `max` tokens; it stops reading at the first token over. */
function hasMoreTokens(query: string, max: number): boolean {
  let over = false;
  try {
    new MaxTokensParserWLexer(query, { n: max, onReject: [() => (over = true)] }).parseDocument();
  } catch {
    // Over the limit, or a syntax error that Apollo reports with its position.
  }
  return over;
}

/** Whether `actor` may import into some registry, and so send a body as large as an import's. */
export function mayImport(actor: Actor | null): boolean {
  return actor !== null && RESOURCES.some((resource) => canAccess(actor, 'import', resource));
}

/** The names of the operation's root fields, through the fragments that wrap them. */
function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

const EXPORTS = text(
  `Ask for one export per request: each builds a whole registry's file.`,
  '每个请求只能导出一次：每次导出都要生成整个名录的文件。',
);

/**
 * Checks depth, aliases and cost of the operation against its caller's limits, before it runs; one export
 * at most; and a body larger than staff's ordinary limit only for an operation that imports and does
 * nothing else.
 */
export const operationLimitsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, contextValue }) {
        const { actor } = contextValue;
        const limits = limitsFor(actor);
        const found = measureOperation(schema, document);
        for (const name of ['depth', 'aliases', 'cost'] as const)
          if (found[name] > limits[name]) throw overLimit(name, found[name], limits[name], actor);
        const roots = operation ? rootFieldNames(document, operation) : [];
        if (roots.filter((name) => name.startsWith('export')).length > EXPORTS_PER_OPERATION_MAX)
          throw new LimitError('GRAPHQL_VALIDATION_FAILED', EXPORTS);
        const onlyImports =
          operation?.operation === OperationTypeNode.MUTATION &&
          roots.length > 0 &&
          roots.every((n) => n.startsWith('import'));
        if ((contextValue.requestBytes ?? 0) > limits.bodyBytes && !onlyImports)
          throw tooLarge(limits.bodyBytes, actor);
      },
    };
  },
};

/** Answers a refusal as Apollo would, in the reader's language. */
function refuse(res: Response, error: LimitError | GraphQLError, locale: Locale): void {
  const message = error instanceof AppError ? (error.extensions.text as Text)[locale] : error.message;
  const http = error.extensions.http as { status?: number } | undefined;
  res
    .status(http?.status ?? 400)
    .json({ errors: [{ message, extensions: { code: error.extensions.code } }] });
}

const BATCH = text(
  'Send one operation per request: a batch (a JSON array of operations) is not accepted.',
  '每个请求只能发送一个操作：不接受批量请求（操作组成的 JSON 数组）。',
);

const NOT_JSON = text(
  'The request body is not valid JSON: send {"query": "…", "variables": {…}}.',
  '请求体不是有效的 JSON：请发送 {"query": "…", "variables": {…}}。',
);

function tooLarge(max: number, actor: Actor | null): LimitError {
  const mb = Math.round(max / 1024 / 1024);
  const fileMb = IMPORT_FILE_MAX_BYTES / 1024 / 1024;
  return new LimitError(
    'PAYLOAD_TOO_LARGE',
    max >= IMPORT_REQUEST_MAX_BYTES
      ? text(
          `The request is larger than ${mb} MB, the most the API accepts; an import file may be at most ${fileMb} MB.`,
          `请求超过 API 接受的上限 ${mb} MB；导入文件最大为 ${fileMb} MB。`,
        )
      : actor
        ? text(
            `The request is larger than ${max / 1024} KB, the most the API accepts for anything but an import; send less, or import the file.`,
            `请求超过 API 对导入以外操作接受的上限 ${max / 1024} KB：请减少发送的内容，或以导入方式上传文件。`,
          )
        : text(
            `The request is larger than ${max / 1024} KB, the most the API accepts without signing in.`,
            `请求超过未登录时 API 接受的上限 ${max / 1024} KB。`,
          ),
  );
}

/**
 * The handlers in front of Apollo on `/graphql`: who is asking (the context, made once for the request),
 * then the body read up to that caller's limit, then a batch, the operation's length and its tokens.
 */
export function graphqlGate(
  contextFor: (authorization: string | undefined, locale: Locale, address: string | null) => Promise<Context>,
  localeOf: (acceptLanguage: string | undefined) => Locale,
  /** The server's turns (http.ts `takeTurns`): the request waits for one again once its body is read. */
  turn: RequestHandler,
): RequestHandler[] {
  // The body's size is kept for the plugin: only an import may use the importer's larger limit.
  const verify = (_req: unknown, res: Response, body: Buffer) => {
    (res.locals.context as Context).requestBytes = body.length;
  };
  const bodyLimits = {
    anonymous: REQUEST_LIMITS.anonymous.bodyBytes,
    signedIn: REQUEST_LIMITS.signedIn.bodyBytes,
    importer: IMPORT_REQUEST_MAX_BYTES,
  };
  const readBody = {
    anonymous: express.json({ limit: bodyLimits.anonymous, verify }),
    signedIn: express.json({ limit: bodyLimits.signedIn, verify }),
    importer: express.json({ limit: bodyLimits.importer, verify }),
  };
  const identify: RequestHandler = async (req, res, next) => {
    const locale = localeOf(req.headers['accept-language']);
    try {
      res.locals.context = await contextFor(req.headers.authorization, locale, req.ip ?? null);
    } catch (error) {
      if (error instanceof GraphQLError) return refuse(res, error, locale);
      return next(error);
    }
    next();
  };
  const read: RequestHandler = (req, res, next) => {
    const context = res.locals.context as Context;
    const reader = mayImport(context.actor) ? 'importer' : context.actor ? 'signedIn' : 'anonymous';
    readBody[reader](req, res, (error?: unknown) => {
      if (!error) return next();
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large')
        return refuse(res, tooLarge(bodyLimits[reader], context.actor), context.locale);
      if (type === 'entity.parse.failed')
        return refuse(res, new LimitError('BAD_REQUEST', NOT_JSON), context.locale);
      next(error);
    });
  };
  const check = (req: Request, res: Response, next: NextFunction) => {
    const { actor, locale } = res.locals.context as Context;
    if (Array.isArray(req.body)) return refuse(res, new LimitError('BAD_REQUEST', BATCH), locale);
    const source: unknown = req.method === 'GET' ? req.query : req.body;
    const query = (source as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    const limits = limitsFor(actor);
    if (query.length > limits.characters)
      return refuse(res, overLimit('characters', query.length, limits.characters, actor), locale);
    if (hasMoreTokens(query, limits.tokens))
      return refuse(res, overLimit('tokens', limits.tokens + 1, limits.tokens, actor), locale);
    next();
  };
  return [identify, read, turn, check];
}
