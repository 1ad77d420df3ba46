/**
 * Turns every error into one a person can act on: validation errors name the field and the rule,
 * database constraint errors become conflicts, and anything unexpected is logged and hidden. Messages
 * stay in both languages (`extensions.text`) until the localizing plugin picks the reader's.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { fieldName, text, type Text } from '@suiji/domain';
import type { ValidationError } from 'class-validator';

interface Problem {
  field: string;
  constraint: string;
  message: string;
}

function flatten(errors: readonly ValidationError[], prefix = ''): Problem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      constraint,
      message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The Chinese for a class-validator rule, with the numbers its English message states. */
function chinese(problem: Problem): string {
  const name = fieldName(problem.field.split('.').pop() ?? problem.field)['zh-CN'];
  const numbers = problem.message.match(/-?\d+/g) ?? [];
  const range = /from (-?\d+) to (-?\d+)/.exec(problem.message);
  if (range) return `${name}须在 ${range[1]} 至 ${range[2]} 之间`;
  switch (problem.constraint) {
    case 'maxLength':
      return `${name}不能超过 ${numbers.at(-1)} 个字符`;
    case 'minLength':
      return numbers.at(-1) === '1' ? `${name}不能为空` : `${name}至少需要 ${numbers.at(-1)} 个字符`;
    case 'min':
      return `${name}不能小于 ${numbers.at(-1)}`;
    case 'max':
      return `${name}不能大于 ${numbers.at(-1)}`;
    case 'arrayMaxSize':
      return `${name}最多 ${numbers.at(-1)} 项`;
    case 'isInt':
      return `${name}须为整数`;
    case 'matches':
      return `${name}只能包含字母、数字、“.”、“_”和“-”`;
    default:
      return `${name}不符合要求`;
  }
}

function formatted(
  base: GraphQLFormattedError,
  code: string,
  message: Text,
  extra: Record<string, unknown> = {},
): GraphQLFormattedError {
  return {
    message: message.en,
    path: base.path,
    locations: base.locations,
    // Present only in development (Apollo adds it when configured to).
    extensions: { code, text: message, ...extra, ...stacktraceOf(base) },
  };
}

function stacktraceOf(error: GraphQLFormattedError): { stacktrace?: unknown } {
  const stacktrace = error.extensions?.stacktrace;
  return stacktrace ? { stacktrace } : {};
}

const INTROSPECTION_OFF = text(
  'This server does not describe its schema (__schema, __type) in production: read apps/api/schema.graphql, or start the API with SUIJI_ENV=development.',
  '本服务器在生产模式下不提供结构查询（__schema、__type）：请查阅 apps/api/schema.graphql，或以 SUIJI_ENV=development 启动 API。',
);

export function formatError(error: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const cause = unwrapResolverError(original);
  const validationErrors = (cause as { extensions?: { validationErrors?: ValidationError[] } } | null)
    ?.extensions?.validationErrors;
  if (validationErrors) {
    const problems = flatten(validationErrors);
    const message = text(
      `${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}. Correct the value and try again.`,
      `${problems.map(chinese).join('；')}。请修改后重试。`,
    );
    return formatted(error, 'BAD_USER_INPUT', message, {
      field: problems[0]?.field.split('.').pop(),
      problems: problems.map(({ field, message: m }) => ({ field, message: m })),
    });
  }
  if (cause instanceof UniqueConstraintViolationException)
    return formatted(
      error,
      'CONFLICT',
      text(
        'A record with the same unique value (code, number or name) was saved at the same moment; nothing was changed. Try again to see which value clashes.',
        '同一时刻已有相同编码、证号或名称的记录被保存；本次未做任何更改。请重试以查看冲突的值。',
      ),
    );
  if (cause instanceof ForeignKeyConstraintViolationException)
    return formatted(
      error,
      'CONFLICT',
      text(
        'This refers to a record that does not exist, or is still referred to by others.',
        '所引用的记录不存在，或该记录仍被其他记录引用。',
      ),
    );
  if (error.extensions?.validationErrorCode === 'INTROSPECTION_DISABLED')
    return formatted(error, 'GRAPHQL_VALIDATION_FAILED', INTROSPECTION_OFF);
  const code = error.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    console.error(cause);
    return formatted(
      error,
      'INTERNAL_SERVER_ERROR',
      text(
        'Something went wrong on the server; nothing was changed. Try again, or report it if it persists.',
        '服务器出错，本次未做任何更改。请重试；如仍出错，请报告。',
      ),
    );
  }
  return error;
}

/**
 * The same message without graphql's "Did you mean …?", for production: suggestions (of fields, arguments,
 * enum values and input fields, in validation and in variables alike) would map the schema to anyone
 * without introspection.
 */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  return { ...error, message: error.message.replace(/ ?Did you mean .+\?$/, '') };
}
