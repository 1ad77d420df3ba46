/**
 * Turns every error into one a person can act on: validation errors name the field and the rule,
 * database constraint errors become conflicts, and anything unexpected is logged and hidden.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { UniqueConstraintViolationException, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { ValidationError } from 'class-validator';

function flatten(errors: readonly ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const validationErrors = (original as { extensions?: { validationErrors?: ValidationError[] } } | null)?.extensions
    ?.validationErrors;
  if (validationErrors) {
    const problems = flatten(validationErrors);
    const first = problems[0];
    return {
      message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') + '. Correct the value and try again.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', field: first?.field.split('.').pop(), problems },
    };
  }
  if (original instanceof UniqueConstraintViolationException)
    return {
      message:
        'A record with the same unique value (code, number or name) was saved at the same moment; nothing was changed. Try again to see which value clashes.',
      path: formatted.path,
      extensions: { code: 'CONFLICT' },
    };
  if (original instanceof ForeignKeyConstraintViolationException)
    return {
      message: 'This refers to a record that does not exist, or is still referred to by others.',
      path: formatted.path,
      extensions: { code: 'CONFLICT' },
    };
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    console.error(original);
    return {
      message: 'Something went wrong on the server; nothing was changed. Try again, or report it if it persists.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return formatted;
}
