import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../graphql/context.js';
import { checkPassword, text } from '@suiji/domain';
import { BadInputError, ConflictError, NotFoundError, NOUNS } from '../../graphql/errors.js';
import { listEntities, type PageInput, type SortInput } from '../../graphql/list.js';
import { hashPassword } from '../auth/password.js';
import { revokeUserSessions } from '../auth/session.service.js';
import { Department } from '../department/department.entity.js';
import { User } from './user.entity.js';
import type { UserFilter, UserInput, UserUpdateInput } from './user.input.js';

/** Throws unless `password` passes the domain's password policy for the account `username`. */
export function checkNewPassword(password: string, username: string, field = 'password'): void {
  const check = checkPassword(password, username);
  if (!check.ok) throw new BadInputError(check.message, field);
}

export async function findUser(em: EntityManager, id: string): Promise<User> {
  const user = await em.findOne(User, { id, deletedAt: null });
  if (!user) throw new NotFoundError(NOUNS.user, id);
  return user;
}

export function listUsers(em: EntityManager, filter: UserFilter = {}, sort?: SortInput, page?: PageInput) {
  const where: FilterQuery<User> = {};
  if (filter.role) where.role = filter.role;
  if (filter.departmentId) where.department = filter.departmentId;
  return listEntities(em, User, {
    where,
    q: filter.q,
    ids: filter.ids,
    searchFields: ['username', 'displayName'],
    sortable: ['username', 'displayName', 'role', 'createdAt', 'updatedAt'],
    sort,
    page,
  });
}

async function department(em: EntityManager, id: string): Promise<Department> {
  const found = await em.findOne(Department, { id, deletedAt: null });
  if (!found)
    throw new BadInputError(
      text(
        `Department ${id} does not exist or has been deleted: choose another.`,
        `部门 ${id} 不存在或已删除：请另选。`,
      ),
      'departmentId',
    );
  return found;
}

export async function createUser(em: EntityManager, input: UserInput): Promise<User> {
  const username = input.username.trim();
  checkNewPassword(input.password, username);
  if (await em.findOne(User, { username }))
    throw new ConflictError(
      text(`Username "${username}" is taken: choose another.`, `用户名“${username}”已被使用：请另选一个。`),
      'username',
    );
  const user = em.create(User, {
    username,
    displayName: input.displayName.trim(),
    passwordHash: await hashPassword(input.password),
    role: input.role,
    department: await department(em, input.departmentId),
    active: true,
  });
  await em.flush();
  return user;
}

export async function updateUser(ctx: Context, id: string, input: UserUpdateInput): Promise<User> {
  const { em } = ctx;
  const user = await findUser(em, id);
  if (user.id === ctx.user?.id && ((input.role && input.role !== 'ADMIN') || input.active === false))
    throw new BadInputError(
      text(
        'You cannot demote or deactivate yourself: ask another administrator.',
        '不能降低自己的角色或停用自己：请联系其他管理员。',
      ),
      'role',
    );
  if (input.password !== undefined) checkNewPassword(input.password, user.username);
  if (input.displayName !== undefined) user.displayName = input.displayName.trim();
  if (input.role !== undefined) user.role = input.role;
  if (input.active !== undefined) user.active = input.active;
  if (input.departmentId !== undefined) user.department = await department(em, input.departmentId);
  if (input.password !== undefined) user.passwordHash = await hashPassword(input.password);
  await em.flush();
  // A token taken before a password reset or a deactivation signs nothing in, even once reactivated.
  if (input.password !== undefined || input.active === false) await revokeUserSessions(em, user.id);
  return user;
}

export async function deleteUser(ctx: Context, id: string): Promise<User> {
  const user = await findUser(ctx.em, id);
  if (user.id === ctx.user?.id)
    throw new BadInputError(
      text('You cannot delete yourself: ask another administrator.', '不能删除自己：请联系其他管理员。'),
    );
  user.deletedAt = new Date();
  user.active = false;
  await ctx.em.flush();
  await revokeUserSessions(ctx.em, user.id);
  return user;
}
