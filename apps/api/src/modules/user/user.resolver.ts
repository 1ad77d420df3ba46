import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput, PageType, SortInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import { Department } from '../department/department.entity.js';
import { departmentScope } from '../department/department.service.js';
import { User } from './user.entity.js';
import { UserFilter, UserInput, UserUpdateInput } from './user.input.js';
import * as users from './user.service.js';

const UserPage = PageType(User, 'UserPage');

@Resolver(() => User)
export class UserResolver {
  @Policy('list', 'users')
  @Query(() => UserPage)
  users(
    @Ctx() { em }: Context,
    @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter,
    @Arg('sort', () => SortInput, { nullable: true }) sort?: SortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return users.listUsers(em, filter, sort, page);
  }

  @Policy('show', 'users')
  @Query(() => User, { nullable: true })
  user(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return em.findOne(User, { id, deletedAt: null });
  }

  @Policy('create', 'users')
  @Mutation(() => User)
  createUser(@Ctx() { em }: Context, @Arg('input', () => UserInput) input: UserInput) {
    return users.createUser(em, input);
  }

  @Policy('edit', 'users')
  @Mutation(() => User)
  updateUser(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UserUpdateInput) input: UserUpdateInput,
  ) {
    return users.updateUser(ctx, id, input);
  }

  @Policy('delete', 'users')
  @Mutation(() => User)
  deleteUser(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return users.deleteUser(ctx, id);
  }

  @FieldResolver(() => Department)
  department(@Root() user: User, @Ctx() { em }: Context) {
    return em.findOneOrFail(Department, user.department.id);
  }

  @FieldResolver(() => [ID], { description: "The user's scope: their department's whole tree" })
  departmentIds(@Root() user: User, @Ctx() { em }: Context) {
    return departmentScope(em, user.department.id);
  }
}
