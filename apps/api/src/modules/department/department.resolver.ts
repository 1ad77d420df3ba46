import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput, PageType, SortInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import { Department } from './department.entity.js';
import { DepartmentFilter, DepartmentInput, DepartmentUpdateInput } from './department.input.js';
import * as departments from './department.service.js';

const DepartmentPage = PageType(Department, 'DepartmentPage');

@Resolver(() => Department)
export class DepartmentResolver {
  @Policy('list', 'departments')
  @Query(() => DepartmentPage)
  departments(
    @Ctx() { em }: Context,
    @Arg('filter', () => DepartmentFilter, { nullable: true }) filter?: DepartmentFilter,
    @Arg('sort', () => SortInput, { nullable: true }) sort?: SortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return departments.listDepartments(em, filter, sort, page);
  }

  @Policy('show', 'departments')
  @Query(() => Department, { nullable: true })
  department(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return em.findOne(Department, { id, deletedAt: null });
  }

  @Policy('create', 'departments')
  @Mutation(() => Department)
  createDepartment(@Ctx() { em }: Context, @Arg('input', () => DepartmentInput) input: DepartmentInput) {
    return departments.createDepartment(em, input);
  }

  @Policy('edit', 'departments')
  @Mutation(() => Department)
  updateDepartment(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => DepartmentUpdateInput) input: DepartmentUpdateInput,
  ) {
    return departments.updateDepartment(em, id, input);
  }

  @Policy('delete', 'departments')
  @Mutation(() => Department)
  deleteDepartment(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return departments.deleteDepartment(em, id);
  }

  @FieldResolver(() => Department, { nullable: true })
  parent(@Root() department: Department, @Ctx() { em }: Context) {
    return department.parent ? em.findOne(Department, department.parent.id) : null;
  }
}
