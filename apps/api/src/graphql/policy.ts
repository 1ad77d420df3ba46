/**
 * Every query and mutation names the rule of the domain's role policy that guards it. `guardOperations`
 * refuses any root field without one, so an operation added without a rule is denied
 * (and the authorization test fails on it).
 */
import { canAccess, text, type Action, type Actor, type Resource, type ScopedRecord } from '@suiji/domain';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from './context.js';
import type { User } from '../modules/user/user.entity.js';
import { clearLoaders } from './loaders.js';
import { trailActor } from '../modules/trail/trail.service.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

export type OperationRule = { action: Action; resource: Resource } | { open: true };

const rules = new Map<string, OperationRule>();

/** The rules by root field name, for the authorization test. */
export function operationRules(): ReadonlyMap<string, OperationRule> {
  return rules;
}

function register(name: string, rule: OperationRule): void {
  if (rules.has(name)) throw new Error(`Operation ${name} has two rules.`);
  rules.set(name, rule);
}

/** Guards a query or mutation by the role policy's `action` on `resource` (the record is checked in the service). */
export function Policy(action: Action, resource: Resource): MethodDecorator {
  return (_target, propertyKey) => register(String(propertyKey), { action, resource });
}

/** Marks an operation anyone may call (sign-in, who am I). */
export function Open(): MethodDecorator {
  return (_target, propertyKey) => register(String(propertyKey), { open: true });
}

const ownTransactions = new Set<string>();

/**
 * Marks a mutation that opens its transactions itself (with `inTransaction`) instead of running in one:
 * one whose slow part needs no database (an import reads its file first), so that no connection is held
 * meanwhile, or one that must keep a write although it then fails (a counted sign-in attempt).
 */
export function OwnTransaction(): MethodDecorator {
  return (_target, propertyKey) => {
    ownTransactions.add(String(propertyKey));
  };
}

/** Runs `work` in one transaction on the request's context, its changes written to the trail under its actor. */
export async function inTransaction<T>(context: Context, work: () => Promise<T>): Promise<T> {
  const outer = context.em;
  try {
    return await trailActor.run({ actorId: context.user?.id ?? null }, () =>
      outer.transactional(async (em) => {
        context.em = em;
        return work();
      }),
    );
  } finally {
    context.em = outer;
    clearLoaders(context);
  }
}

/**
 * Checks the operation's rule before the resolver; runs every mutation in one transaction, unless it
 * opens its own (OwnTransaction).
 */
async function guarded(
  operation: 'Query' | 'Mutation',
  name: string,
  context: Context,
  next: () => unknown,
): Promise<unknown> {
  const rule = rules.get(name);
  if (!rule)
    throw new ForbiddenError(
      text(
        `Operation ${name} has no access rule, so it is denied.`,
        `操作 ${name} 没有访问规则，因此被拒绝。`,
      ),
    );
  if (!('open' in rule) && !canAccess(context.actor, rule.action, rule.resource)) {
    throw context.actor ? new ForbiddenError() : new UnauthenticatedError();
  }
  if (operation !== 'Mutation') return next();
  if (ownTransactions.has(name)) {
    try {
      // Whatever transactions it opens write the trail under this actor.
      return await trailActor.run({ actorId: context.user?.id ?? null }, next);
    } finally {
      clearLoaders(context);
    }
  }
  // One transaction per mutation; its changes are written to the trail inside it, under this actor.
  return inTransaction<unknown>(context, async () => next());
}

/**
 * Applies the rules to every root field of the schema (queries and mutations). Only the root fields are
 * wrapped: the fields of the records they return cost nothing extra, which matters on a list of hundreds.
 */
export function guardOperations(schema: GraphQLSchema): GraphQLSchema {
  for (const operation of ['Query', 'Mutation'] as const) {
    const type = operation === 'Query' ? schema.getQueryType() : schema.getMutationType();
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context: Context, info) =>
        guarded(operation, field.name, context, () => resolve(root, args, context, info));
    }
  }
  return schema;
}

/** Throws unless `actor` may act on this record; used by services once the record is loaded. */
export function assertRecordAccess(
  context: Context,
  action: Action,
  resource: Resource,
  record: ScopedRecord,
): void {
  if (!canAccess(context.actor, action, resource, record)) {
    throw context.actor
      ? new ForbiddenError(
          text(
            'This record is outside your department, so your role may not do this to it.',
            '该记录不属于您所在部门，您的角色无权对其进行此操作。',
          ),
        )
      : new UnauthenticatedError();
  }
}

/**
 * The signed-in user of an operation whose rule admits only signed-in users (every `Policy` one): throws
 * UnauthenticatedError for the public, which the rule has already refused.
 */
export function signedIn(context: Context): User {
  if (!context.user) throw new UnauthenticatedError();
  return context.user;
}

/** The signed-in user as the role policy sees them, for an operation guarded by a `Policy` rule (as `signedIn`). */
export function signedInActor(context: Context): Actor {
  if (!context.actor) throw new UnauthenticatedError();
  return context.actor;
}
