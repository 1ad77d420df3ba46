import { chinaToday } from '@suiji/domain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput, PageType, SortInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import { Department } from '../department/department.entity.js';
import { Inspector } from './inspector.entity.js';
import { InspectorFilter, InspectorInput, InspectorUpdateInput } from './inspector.input.js';
import * as inspectors from './inspector.service.js';

const InspectorPage = PageType(Inspector, 'InspectorPage');

@Resolver(() => Inspector)
export class InspectorResolver {
  @Policy('list', 'inspectors')
  @Query(() => InspectorPage)
  inspectors(
    @Ctx() ctx: Context,
    @Arg('filter', () => InspectorFilter, { nullable: true }) filter?: InspectorFilter,
    @Arg('sort', () => SortInput, { nullable: true }) sort?: SortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return inspectors.listInspectors(ctx, filter, sort, page);
  }

  @Policy('show', 'inspectors')
  @Query(() => Inspector, { nullable: true })
  inspector(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return inspectors.showInspector(ctx, id);
  }

  @Policy('create', 'inspectors')
  @Mutation(() => Inspector)
  createInspector(@Ctx() { em }: Context, @Arg('input', () => InspectorInput) input: InspectorInput) {
    return inspectors.createInspector(em, input);
  }

  @Policy('edit', 'inspectors')
  @Mutation(() => Inspector)
  updateInspector(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => InspectorUpdateInput) input: InspectorUpdateInput,
  ) {
    return inspectors.updateInspector(em, id, input);
  }

  @Policy('delete', 'inspectors')
  @Mutation(() => Inspector)
  deleteInspector(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return inspectors.deleteInspector(em, id);
  }

  @FieldResolver(() => Department)
  department(@Root() inspector: Inspector, @Ctx() { em }: Context) {
    return em.findOneOrFail(Department, inspector.department.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the certificate is valid today' })
  certificateValid(@Root() inspector: Inspector, @Ctx() ctx: Context) {
    const day = chinaToday(ctx.clock());
    return inspector.certificateValidFrom <= day && day <= inspector.certificateValidUntil;
  }
}
