import { describe, expect, it } from 'vitest';
import { ACTIONS, RESOURCES, canAccess, scopeOf, type Actor } from './policy.js';
import { ROLES, type Role } from './glossary.js';

const actor = (role: Role, departmentIds = ['bureau', 'bureau-unit'], id = 'user-1'): Actor => ({
  id,
  role,
  departmentIds,
});

describe('the role policy', () => {
  it('denies everything not granted: the public only reads departments, the item list, result categories and the publication', () => {
    for (const resource of RESOURCES)
      for (const action of ACTIONS) {
        const publicRead =
          ((resource === 'departments' || resource === 'items') &&
            ['list', 'show', 'export'].includes(action)) ||
          (resource === 'publication' && ['list', 'show'].includes(action)) ||
          (resource === 'categories' && ['list', 'show'].includes(action));
        expect(canAccess(null, action, resource), `${action} ${resource}`).toBe(publicRead);
      }
  });

  it('lets administrators do everything, everywhere, but in their own account only to it', () => {
    for (const resource of RESOURCES.filter((r) => r !== 'account'))
      for (const action of ACTIONS) {
        const exists = scopeOf(actor('ADMIN'), action, resource) !== 'none';
        expect(canAccess(actor('ADMIN'), action, resource, { departmentId: 'elsewhere' })).toBe(exists);
      }
    expect(canAccess(actor('ADMIN'), 'delete', 'users')).toBe(true);
    expect(canAccess(actor('ADMIN'), 'edit', 'account', { userId: 'someone-else' })).toBe(false);
  });

  it('lets everyone signed in, and nobody else, keep their own account (password, sign-out)', () => {
    for (const role of ROLES) {
      expect(canAccess(actor(role), 'edit', 'account'), role).toBe(true);
      expect(canAccess(actor(role), 'edit', 'account', { userId: 'user-1' }), role).toBe(true);
      expect(canAccess(actor(role), 'edit', 'account', { userId: 'user-2' }), role).toBe(false);
    }
    expect(canAccess(null, 'edit', 'account')).toBe(false);
  });

  it('lets nobody but administrators change the registries or see users', () => {
    for (const role of ROLES.filter((r) => r !== 'ADMIN'))
      for (const resource of ['departments', 'items', 'targets', 'inspectors', 'users'] as const)
        for (const action of ['create', 'edit', 'delete', 'import'] as const)
          expect(canAccess(actor(role), action, resource), `${role} ${action} ${resource}`).toBe(false);
    for (const role of ROLES.filter((r) => r !== 'ADMIN'))
      expect(canAccess(actor(role), 'list', 'users')).toBe(false);
  });

  it('scopes coordinators and managers to their department', () => {
    for (const role of ['COORDINATOR', 'MANAGER'] as const) {
      expect(canAccess(actor(role), 'show', 'inspectors', { departmentId: 'bureau-unit' })).toBe(true);
      expect(canAccess(actor(role), 'show', 'inspectors', { departmentId: 'market' })).toBe(false);
      expect(canAccess(actor(role), 'show', 'inspectors', { departmentId: null })).toBe(false);
    }
    expect(canAccess(actor('COORDINATOR'), 'create', 'conflicts', { departmentId: 'bureau' })).toBe(true);
    expect(canAccess(actor('COORDINATOR'), 'create', 'conflicts', { departmentId: 'market' })).toBe(false);
    expect(canAccess(actor('MANAGER'), 'create', 'conflicts', { departmentId: 'bureau' })).toBe(false);
  });

  it('lets coordinators of any department taking part in a task run its draws', () => {
    const joint = { departmentId: 'market', departmentIds: ['market', 'bureau'] };
    expect(canAccess(actor('COORDINATOR'), 'run', 'draws', joint)).toBe(true);
    expect(canAccess(actor('COORDINATOR', ['tax']), 'run', 'draws', joint)).toBe(false);
    expect(canAccess(actor('MANAGER'), 'run', 'draws', joint)).toBe(false);
    expect(canAccess(actor('ADMIN'), 'run', 'draws', joint)).toBe(false);
  });

  it("lets a coordinator keep their department's own result categories, and only administrators the standard ones", () => {
    expect(canAccess(actor('COORDINATOR'), 'create', 'categories', { departmentId: 'bureau' })).toBe(true);
    expect(canAccess(actor('COORDINATOR'), 'edit', 'categories', { departmentId: 'market' })).toBe(false);
    expect(canAccess(actor('COORDINATOR'), 'edit', 'categories', { departmentId: null })).toBe(false);
    expect(canAccess(actor('ADMIN'), 'edit', 'categories', { departmentId: null })).toBe(true);
    expect(canAccess(actor('MANAGER'), 'create', 'categories', { departmentId: 'bureau' })).toBe(false);
    expect(canAccess(actor('INSPECTOR'), 'create', 'categories', { departmentId: 'bureau' })).toBe(false);
  });

  it('scopes yearly plans like tasks: coordinators plan for their department, joint plans reach the cooperating ones', () => {
    const joint = { departmentId: 'market', departmentIds: ['market', 'bureau'] };
    const other = { departmentId: 'tax', departmentIds: ['tax'] };
    for (const action of ['create', 'edit', 'delete', 'show'] as const) {
      expect(canAccess(actor('COORDINATOR', ['market']), action, 'plans', joint), action).toBe(true);
      expect(canAccess(actor('COORDINATOR'), action, 'plans', other), action).toBe(false);
    }
    expect(canAccess(actor('COORDINATOR'), 'show', 'plans', joint)).toBe(true);
    expect(canAccess(actor('MANAGER'), 'show', 'plans', joint)).toBe(true);
    expect(canAccess(actor('MANAGER'), 'show', 'plans', other)).toBe(false);
    expect(canAccess(actor('MANAGER'), 'edit', 'plans', joint)).toBe(false);
    expect(canAccess(actor('ADMIN'), 'show', 'plans', other)).toBe(true);
    expect(canAccess(actor('ADMIN'), 'create', 'plans', other)).toBe(false);
    for (const action of ACTIONS) {
      expect(canAccess(actor('INSPECTOR'), action, 'plans'), action).toBe(false);
      // Inspectors see their department's tasks but not its plans; only tasks are accepted.
      if (action === 'accept') continue;
      for (const role of ROLES.filter((r) => r !== 'INSPECTOR'))
        expect(scopeOf(actor(role), action, 'plans'), `${role} ${action}`).toBe(
          scopeOf(actor(role), action, 'tasks'),
        );
    }
  });

  it('shows an inspector the inspections of their own teams', () => {
    expect(
      canAccess(actor('INSPECTOR'), 'show', 'inspections', {
        departmentId: 'bureau',
        userIds: ['user-9', 'user-1'],
      }),
    ).toBe(true);
    expect(
      canAccess(actor('INSPECTOR'), 'show', 'inspections', { departmentId: 'bureau', userIds: ['user-9'] }),
    ).toBe(false);
  });

  it("lets only coordinators of the task's departments close a follow-up, a joint task's cooperating ones too", () => {
    const joint = { departmentIds: ['market', 'bureau'], userIds: ['user-1'] };
    expect(canAccess(actor('COORDINATOR'), 'close', 'inspections', joint)).toBe(true);
    expect(canAccess(actor('COORDINATOR', ['tax']), 'close', 'inspections', joint)).toBe(false);
    for (const role of ['INSPECTOR', 'MANAGER', 'ADMIN'] as const)
      expect(canAccess(actor(role), 'close', 'inspections', joint), role).toBe(false);
  });

  it('shows an inspector their own registry entry only', () => {
    expect(canAccess(actor('INSPECTOR'), 'list', 'inspectors')).toBe(true);
    expect(
      canAccess(actor('INSPECTOR'), 'show', 'inspectors', { departmentId: 'bureau', userId: 'user-1' }),
    ).toBe(true);
    expect(
      canAccess(actor('INSPECTOR'), 'show', 'inspectors', { departmentId: 'bureau', userId: 'user-2' }),
    ).toBe(false);
    expect(canAccess(actor('INSPECTOR'), 'list', 'targets')).toBe(false);
  });

  it('lets only the initiating department change or delete a joint task or plan; the cooperating ones see it', () => {
    const joint = {
      departmentId: 'market',
      departmentIds: ['market', 'bureau'],
      cooperatingDepartmentIds: ['bureau'],
    };
    for (const resource of ['tasks', 'plans'] as const) {
      for (const action of ['edit', 'delete'] as const) {
        expect(canAccess(actor('COORDINATOR', ['market']), action, resource, joint), action).toBe(true);
        expect(canAccess(actor('COORDINATOR'), action, resource, joint), action).toBe(false);
        expect(canAccess(actor('COORDINATOR'), action, resource, { departmentId: null }), action).toBe(false);
      }
      expect(canAccess(actor('COORDINATOR'), 'show', resource, joint)).toBe(true);
    }
  });

  it('lets only a coordinator of a cooperating department accept a joint task, not its initiator', () => {
    const joint = {
      departmentId: 'market',
      departmentIds: ['market', 'bureau'],
      cooperatingDepartmentIds: ['bureau'],
    };
    expect(canAccess(actor('COORDINATOR'), 'accept', 'tasks', joint)).toBe(true);
    expect(canAccess(actor('COORDINATOR', ['market']), 'accept', 'tasks', joint)).toBe(false);
    expect(canAccess(actor('COORDINATOR', ['tax']), 'accept', 'tasks', joint)).toBe(false);
    expect(canAccess(actor('COORDINATOR'), 'accept', 'tasks', { departmentId: 'bureau' })).toBe(false);
    for (const role of ['ADMIN', 'MANAGER', 'INSPECTOR'] as const)
      expect(canAccess(actor(role), 'accept', 'tasks', joint), role).toBe(false);
  });

  it('shows inspectors the tasks their department takes part in, and nothing more', () => {
    expect(canAccess(actor('INSPECTOR'), 'list', 'tasks')).toBe(true);
    expect(
      canAccess(actor('INSPECTOR'), 'show', 'tasks', {
        departmentId: 'market',
        departmentIds: ['market', 'bureau'],
      }),
    ).toBe(true);
    expect(
      canAccess(actor('INSPECTOR'), 'show', 'tasks', { departmentId: 'market', departmentIds: ['market'] }),
    ).toBe(false);
    for (const action of ['create', 'edit', 'delete', 'accept'] as const)
      expect(canAccess(actor('INSPECTOR'), action, 'tasks'), action).toBe(false);
  });

  it('lets coordinators of the departments involved propose and answer a merge; managers only read', () => {
    const proposal = { departmentIds: ['market', 'bureau'] };
    for (const action of ['list', 'show', 'create', 'accept'] as const) {
      expect(canAccess(actor('COORDINATOR'), action, 'merges', proposal), action).toBe(true);
      expect(canAccess(actor('COORDINATOR', ['tax']), action, 'merges', proposal), action).toBe(false);
    }
    expect(canAccess(actor('MANAGER'), 'list', 'merges', proposal)).toBe(true);
    expect(canAccess(actor('MANAGER', ['tax']), 'list', 'merges', proposal)).toBe(false);
    expect(canAccess(actor('ADMIN'), 'list', 'merges', proposal)).toBe(true);
    expect(canAccess(actor('MANAGER'), 'accept', 'merges', proposal)).toBe(false);
    expect(canAccess(actor('ADMIN'), 'create', 'merges', proposal)).toBe(false);
    expect(canAccess(actor('INSPECTOR'), 'list', 'merges')).toBe(false);
  });

  it('shows draws as entities to signed-in staff only; the public reads their publication', () => {
    expect(canAccess(null, 'list', 'draws')).toBe(false);
    expect(canAccess(null, 'show', 'draws')).toBe(false);
    for (const role of ROLES) {
      expect(canAccess(actor(role), 'show', 'draws', { departmentId: 'elsewhere' }), role).toBe(true);
      expect(canAccess(actor(role), 'list', 'publication'), role).toBe(true);
    }
    expect(canAccess(null, 'show', 'publication')).toBe(true);
  });
});
