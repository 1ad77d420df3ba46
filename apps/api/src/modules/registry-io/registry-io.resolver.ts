import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { OwnTransaction, Policy } from '../../graphql/policy.js';
import { ConflictFilter } from '../conflict/conflict.input.js';
import { DepartmentFilter } from '../department/department.input.js';
import { InspectorFilter } from '../inspector/inspector.input.js';
import { ItemFilter } from '../item/item.input.js';
import { TargetFilter } from '../target/target.input.js';
import { UserFilter } from '../user/user.input.js';
import * as exports from './export.service.js';
import * as imports from './import.service.js';
import { FileDownload, FileInput, ImportRegistry, ImportReport, reportIn } from './registry-io.types.js';

@Resolver()
export class RegistryIoResolver {
  @Policy('import', 'targets')
  @OwnTransaction()
  @Mutation(() => ImportReport, { description: 'Imports targets from .xlsx or .csv: all rows or none' })
  async importTargets(@Ctx() { em, locale }: Context, @Arg('file', () => FileInput) file: FileInput) {
    return reportIn(locale, await imports.importRegistry(em, 'targets', file));
  }

  @Policy('import', 'inspectors')
  @OwnTransaction()
  @Mutation(() => ImportReport, { description: 'Imports inspectors from .xlsx or .csv: all rows or none' })
  async importInspectors(@Ctx() { em, locale }: Context, @Arg('file', () => FileInput) file: FileInput) {
    return reportIn(locale, await imports.importRegistry(em, 'inspectors', file));
  }

  @Policy('import', 'targets')
  @Query(() => FileDownload, { description: 'An empty import sheet with the expected columns' })
  importTemplate(@Arg('registry', () => ImportRegistry) registry: ImportRegistry) {
    return exports.importTemplate(registry);
  }

  @Policy('export', 'departments')
  @Query(() => FileDownload)
  exportDepartments(
    @Ctx() ctx: Context,
    @Arg('filter', () => DepartmentFilter, { nullable: true }) filter?: DepartmentFilter,
  ) {
    return exports.exportDepartments(ctx, filter);
  }

  @Policy('export', 'items')
  @Query(() => FileDownload)
  exportItems(@Ctx() ctx: Context, @Arg('filter', () => ItemFilter, { nullable: true }) filter?: ItemFilter) {
    return exports.exportItems(ctx, filter);
  }

  @Policy('export', 'targets')
  @Query(() => FileDownload)
  exportTargets(
    @Ctx() ctx: Context,
    @Arg('filter', () => TargetFilter, { nullable: true }) filter?: TargetFilter,
  ) {
    return exports.exportTargets(ctx, filter);
  }

  @Policy('export', 'inspectors')
  @Query(() => FileDownload)
  exportInspectors(
    @Ctx() ctx: Context,
    @Arg('filter', () => InspectorFilter, { nullable: true }) filter?: InspectorFilter,
  ) {
    return exports.exportInspectors(ctx, filter);
  }

  @Policy('export', 'conflicts')
  @Query(() => FileDownload)
  exportConflicts(
    @Ctx() ctx: Context,
    @Arg('filter', () => ConflictFilter, { nullable: true }) filter?: ConflictFilter,
  ) {
    return exports.exportConflicts(ctx, filter);
  }

  @Policy('export', 'users')
  @Query(() => FileDownload)
  exportUsers(@Ctx() ctx: Context, @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter) {
    return exports.exportUsers(ctx, filter);
  }
}
