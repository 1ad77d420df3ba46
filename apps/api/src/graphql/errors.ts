/**
 * The API's errors: a few classes, each with its GraphQL code. Messages say what was wrong and how to
 * fix it, and never reveal whether an account exists.
 */
import { GraphQLError } from 'graphql';

export class BadInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Sign in first: this needs a valid login token.') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'Your role does not allow this. Ask an administrator if you need it.') {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist or has been deleted.`, { extensions: { code: 'NOT_FOUND' } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'CONFLICT', ...(field ? { field } : {}) } });
  }
}

/** Throws the first of the domain's field problems as a bad-input error. */
export function throwIfProblems(problems: readonly { field: string; message: string; hint: string }[]): void {
  const first = problems[0];
  if (first) throw new BadInputError(`${first.message}. ${first.hint}`, first.field);
}
