import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput, PageType, SortInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import { Category } from './category.entity.js';
import { CategoryFilter, CategoryInput, CategoryUpdateInput } from './category.input.js';
import * as categories from './category.service.js';

const CategoryPage = PageType(Category, 'ResultCategoryPage');

@Resolver(() => Category)
export class CategoryResolver {
  @Policy('list', 'categories')
  @Query(() => CategoryPage, { description: 'Result categories: the standard ones and departments’ own' })
  resultCategories(
    @Ctx() ctx: Context,
    @Arg('filter', () => CategoryFilter, { nullable: true }) filter?: CategoryFilter,
    @Arg('sort', () => SortInput, { nullable: true }) sort?: SortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return categories.listCategories(ctx, filter, sort, page);
  }

  @Policy('show', 'categories')
  @Query(() => Category, { nullable: true })
  resultCategory(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return categories.showCategory(ctx, id);
  }

  @Policy('create', 'categories')
  @Mutation(() => Category, { description: "Adds a category of the department's own" })
  createResultCategory(@Ctx() ctx: Context, @Arg('input', () => CategoryInput) input: CategoryInput) {
    return categories.createCategory(ctx, input);
  }

  @Policy('edit', 'categories')
  @Mutation(() => Category, { description: 'Changes a category’s names (own ones) or consequences' })
  updateResultCategory(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CategoryUpdateInput) input: CategoryUpdateInput,
  ) {
    return categories.updateCategory(ctx, id, input);
  }

  @Policy('delete', 'categories')
  @Mutation(() => Category, { description: "Withdraws a department's own category" })
  deleteResultCategory(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return categories.deleteCategory(ctx, id);
  }
}
