/**
 * Field-level policy for personal data. The root-field policy (policy.ts) decides who may run a query;
 * the records a query reaches may still belong to someone else: a published inspection of another
 * department, reached through a target's history, shows its team, but not their phones. So a field of
 * personal data (a phone, a certificate number, an address, the id of a user) carries
 * `@Personal(resource, recordOf)` and is readable only by a caller whom the domain policy lets `show`
 * the record it belongs to; for anyone else it is null.
 *
 * The rule travels in the schema (the field's extensions), and `guardPersonalFields` wraps the resolver
 * of every field that has one. The entity types keep their simple resolvers for every other field, so a
 * list pays for the check only on the personal fields it asks for.
 */
import { canAccess, scopeOf, type Resource, type ScopedRecord } from '@suiji/domain';
import {
  defaultFieldResolver,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { Extensions } from 'type-graphql';
import type { Context } from './context.js';

export interface PersonalRule<T = never> {
  /** The resource whose `show` permission reads the field (a function where subtypes differ). */
  resource: Resource | ((root: T) => Resource);
  /** The record the field belongs to, as the policy sees it; asked only when the permission is scoped. */
  record: (root: T, ctx: Context) => ScopedRecord | Promise<ScopedRecord>;
}

/** Marks a field as personal data of the record `record` returns, readable as `show` on `resource` allows. */
export function Personal<T>(
  resource: PersonalRule<T>['resource'],
  record: PersonalRule<T>['record'],
): PropertyDecorator & MethodDecorator {
  return Extensions({ personal: { resource, record } });
}

/** The rule of a field, if it holds personal data. */
export function personalRule(field: GraphQLField<unknown, unknown>): PersonalRule<unknown> | undefined {
  return (field.extensions as { personal?: PersonalRule<unknown> } | undefined)?.personal;
}

function mayRead(rule: PersonalRule<unknown>, root: unknown, ctx: Context): boolean | Promise<boolean> {
  const resource = typeof rule.resource === 'function' ? rule.resource(root) : rule.resource;
  const scope = scopeOf(ctx.actor, 'show', resource);
  if (scope === 'none') return false;
  if (scope === 'all') return true;
  const record = rule.record(root, ctx);
  return record instanceof Promise
    ? record.then((r) => canAccess(ctx.actor, 'show', resource, r))
    : canAccess(ctx.actor, 'show', resource, record);
}

/**
 * Applies the rules: every field that has one resolves to null for a caller who may not read it. A
 * rule on a non-null field is a mistake (it could not answer null), found when the schema is built.
 */
export function guardPersonalFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = personalRule(field);
      if (!rule) continue;
      if (isNonNullType(field.type))
        throw new Error(
          `${type.name}.${field.name} is personal data: make it nullable, as it is null to others.`,
        );
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, ctx: Context, info) => {
        const readable = mayRead(rule, root, ctx);
        if (readable === true) return resolve(root, args, ctx, info);
        if (readable === false) return null;
        return readable.then((ok) => (ok ? resolve(root, args, ctx, info) : null));
      };
    }
  }
  return schema;
}
