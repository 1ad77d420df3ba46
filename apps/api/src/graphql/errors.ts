/**
 * The API's errors: a few classes, each with its GraphQL code. Messages say what was wrong and how to
 * fix it, in both languages (the response carries the reader's, see `localize.ts`), and never reveal
 * whether an account exists.
 */
import { GraphQLError } from 'graphql';
import { text, type FieldProblem, type Text } from '@suiji/domain';

/** A GraphQL error whose message exists in both languages; the English one is the default. */
export abstract class AppError extends GraphQLError {
  constructor(code: string, message: Text, field?: string, extensions: Record<string, unknown> = {}) {
    super(message.en, { extensions: { code, text: message, ...(field ? { field } : {}), ...extensions } });
  }
}

/**
 * One entry of a batch refused as it would be alone: its own code and message, saying which entry it was
 * and that nothing of the batch was written (the batch is one transaction).
 */
export class BatchEntryError extends AppError {
  constructor(position: number, id: string, cause: AppError) {
    const own = cause.extensions.text as Text;
    super(
      String(cause.extensions.code),
      text(
        `Entry ${position} (${id}): ${own.en} Nothing of the batch was done.`,
        `第 ${position} 条（${id}）：${own['zh-CN']}本批均未处理。`,
      ),
      cause.extensions.field as string | undefined,
      { position },
    );
  }
}

export class BadInputError extends AppError {
  constructor(message: Text, field?: string) {
    super('BAD_USER_INPUT', message, field);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(
    message = text('Sign in first: this needs a valid login token.', '请先登录：此操作需要有效的登录凭证。'),
  ) {
    super('UNAUTHENTICATED', message);
  }
}

/** Refused before any work because the caller tried too often; answered with HTTP 429 and Retry-After. */
export class TooManyAttemptsError extends AppError {
  constructor(message: Text, retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', message, undefined, {
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

export class ForbiddenError extends AppError {
  constructor(
    message = text(
      'Your role does not allow this. Ask an administrator if you need it.',
      '您的角色无权进行此操作。如确有需要，请联系系统管理员。',
    ),
  ) {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: Text, id: string) {
    super(
      'NOT_FOUND',
      text(`${what.en} ${id} does not exist or has been deleted.`, `${what['zh-CN']} ${id} 不存在或已删除。`),
    );
  }
}

export class ConflictError extends AppError {
  constructor(message: Text, field?: string) {
    super('CONFLICT', message, field);
  }
}

/**
 * The server is doing as much of this kind of work as it allows at once; the same request may be retried
 * (HTTP 503 with Retry-After).
 */
export class BusyError extends AppError {
  constructor(message: Text, retryAfterSeconds = 60) {
    super('BUSY', message, undefined, {
      retryAfterSeconds,
      http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

/** Throws the first of the domain's field problems as a bad-input error. */
export function throwIfProblems(problems: readonly FieldProblem[]): void {
  const first = problems[0];
  if (first) throw problemError(first);
}

/** A rule's problem as the error the API answers with: the message, then the hint. */
export function problemError(problem: FieldProblem): BadInputError {
  return new BadInputError(
    text(
      `${problem.message.en}. ${problem.hint.en}`,
      `${problem.message['zh-CN']}。${problem.hint['zh-CN']}`,
    ),
    problem.field,
  );
}

/** Things the API names in its messages. */
export const NOUNS = {
  department: text('Department', '部门'),
  item: text('Inspection item', '抽查事项'),
  target: text('Target', '检查对象'),
  inspector: text('Inspector', '执法检查人员'),
  conflict: text('Conflict', '回避关系'),
  user: text('User', '用户'),
  draw: text('Draw', '摇号'),
} as const;
