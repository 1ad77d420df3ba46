/**
 * The one way the dashboard talks to the API: a POST of a GraphQL operation to the relative `/graphql`
 * (the API serves the dashboard from its own origin). GraphQL errors become react-admin `HttpError`s with
 * a readable message, an HTTP-like status (so `authProvider.checkError` can tell a lost session from a
 * refusal) and, for a bad or conflicting input field, the `{ errors }` body react-admin shows under that form input.
 */
import { HttpError } from 'react-admin';
import type { TypedDocumentString } from '../graphql/generated/graphql';
import { i18nProvider } from './i18nProvider';
import { readSession } from './session';

export const GRAPHQL_URL = '/graphql';

interface GraphQLErrorPayload {
  message: string;
  extensions?: { code?: string; field?: string };
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorPayload[];
}

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/** The body of an `HttpError` raised from a GraphQL error. */
export interface GraphQLErrorBody {
  code: string;
  errors?: Record<string, unknown>;
}

/** Turns the first GraphQL error of a response into an `HttpError`. */
export function toHttpError(errors: GraphQLErrorPayload[], httpStatus = 200): HttpError {
  const first = errors[0];
  const code = first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const message = errors.map((e) => e.message).join('; ') || 'ra.notification.http_error';
  const status = STATUS_OF_CODE[code] ?? (httpStatus >= 400 ? httpStatus : 500);
  const body: GraphQLErrorBody = { code };
  const field = first?.extensions?.field;
  if ((code === 'BAD_USER_INPUT' || code === 'CONFLICT') && field) {
    // Shown under the input by react-admin's form, and `root.serverError` as the notification.
    body.errors = { [field]: first.message, root: { serverError: message } };
  }
  return new HttpError(message, status, body);
}

/**
 * Sends one GraphQL operation and returns its `data`, or throws an `HttpError`. A typed document
 * (src/graphql/) gives the result and variables their generated types.
 */
export async function gql<T, V extends object = Record<string, unknown>>(
  query: string | TypedDocumentString<T, V>,
  variables: V = {} as V,
): Promise<T> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    // The API words its messages (errors, import reports) in the language the dashboard shows.
    'Accept-Language': i18nProvider.getLocale(),
  };
  const session = readSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: query.toString(), variables }),
    });
  } catch {
    throw new HttpError('ra.notification.offline', 0);
  }
  let payload: GraphQLResponse<T>;
  try {
    payload = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new HttpError(response.statusText || 'ra.notification.http_error', response.status || 500);
  }
  if (payload.errors && payload.errors.length > 0) throw toHttpError(payload.errors, response.status);
  if (!response.ok || payload.data == null)
    throw new HttpError(response.statusText || 'ra.notification.http_error', response.status || 500);
  return payload.data;
}
