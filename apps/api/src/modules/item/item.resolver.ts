import type { Row } from '../../db/rows.js';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput, PageType, SortInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import { Department } from '../department/department.entity.js';
import { InspectionItem } from './item.entity.js';
import { RISK_CLASSES, itemRatioFor } from '@suiji/domain';
import { ItemFilter, ItemInput, ItemUpdateInput, StratumRatioInput } from './item.input.js';
import * as items from './item.service.js';

const ItemPage = PageType(InspectionItem, 'InspectionItemPage');

@Resolver(() => InspectionItem)
export class ItemResolver {
  @Policy('list', 'items')
  @Query(() => ItemPage)
  items(
    @Ctx() { em }: Context,
    @Arg('filter', () => ItemFilter, { nullable: true }) filter?: ItemFilter,
    @Arg('sort', () => SortInput, { nullable: true }) sort?: SortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return items.listItems(em, filter, sort, page);
  }

  @Policy('show', 'items')
  @Query(() => InspectionItem, { nullable: true })
  item(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return em.findOne(InspectionItem, { id, deletedAt: null });
  }

  @Policy('create', 'items')
  @Mutation(() => InspectionItem)
  createItem(@Ctx() { em }: Context, @Arg('input', () => ItemInput) input: ItemInput) {
    return items.createItem(em, input);
  }

  @Policy('edit', 'items')
  @Mutation(() => InspectionItem)
  updateItem(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ItemUpdateInput) input: ItemUpdateInput,
  ) {
    return items.updateItem(em, id, input);
  }

  @Policy('delete', 'items')
  @Mutation(() => InspectionItem)
  deleteItem(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return items.deleteItem(em, id);
  }

  @FieldResolver(() => [StratumRatioInput], {
    description: 'The ratio each risk class is drawn at by default',
  })
  riskRatios(@Root() item: Row<InspectionItem>) {
    return RISK_CLASSES.map((riskClass) => ({ riskClass, ratioBp: itemRatioFor(item, riskClass) }));
  }

  @FieldResolver(() => Department)
  department(@Root() item: Row<InspectionItem>, @Ctx() { em }: Context) {
    return em.findOneOrFail(Department, item.department.id);
  }
}
