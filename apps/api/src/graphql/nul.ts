/**
 * PostgreSQL refuses text holding a NUL character (U+0000), so a NUL in a search, a filter or an input
 * would end in a server error there (and be stored as such on SQLite). Every argument of every field is
 * checked here, once, before its resolver runs (after the operation's rule, which wraps it), so an
 * argument added later is covered too.
 */
import { text } from '@suiji/domain';
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import type { Context } from './context.js';
import { BadInputError } from './errors.js';

/** The path (`filter.q`, `input.tags[2]`) of the first string holding a NUL, or null. */
function nulAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  const entries = Array.isArray(value)
    ? value.map((item, i) => [`${path}[${i}]`, item] as const)
    : Object.entries(value).map(([key, item]) => [path ? `${path}.${key}` : key, item] as const);
  for (const [at, item] of entries) {
    const found = nulAt(item, at);
    if (found !== null) return found;
  }
  return null;
}

/** Refuses a NUL in the arguments of any field that takes some, before its resolver runs. */
export function refuseNul(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args: Record<string, unknown>, context: Context, info) => {
        const at = nulAt(args, '');
        if (at !== null)
          throw new BadInputError(
            text(
              `"${at}" contains a NUL character (U+0000), which no text may hold: remove it and try again.`,
              `“${at}”中含有空字符（U+0000），文本中不能包含该字符：请删除后重试。`,
            ),
            at,
          );
        return resolve(root, args, context, info);
      };
    }
  }
  return schema;
}
