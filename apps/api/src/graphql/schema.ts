import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CategoryResolver } from '../modules/category/category.resolver.js';
import {
  AttachmentResolver,
  InspectionAttachmentsResolver,
} from '../modules/attachment/attachment.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { DrawResolver } from '../modules/draw/draw.resolver.js';
import {
  InspectionResolver,
  ItemResultResolver,
  TargetRecordResolver,
} from '../modules/inspection/inspection.resolver.js';
import { PlanItemResolver, PlanResolver } from '../modules/plan/plan.resolver.js';
import { NoticesResolver } from '../modules/publication/notices.resolver.js';
import { PublicationResolver } from '../modules/publication/publication.resolver.js';
import { TaskResolver } from '../modules/task/task.resolver.js';
import { MergeResolver } from '../modules/merge/merge.resolver.js';
import { PublicStatisticsResolver } from '../modules/statistics/public-summary.resolver.js';
import { StatisticsResolver } from '../modules/statistics/statistics.resolver.js';
import { TrailResolver } from '../modules/trail/trail.resolver.js';
import { ConflictResolver } from '../modules/conflict/conflict.resolver.js';
import { DepartmentResolver } from '../modules/department/department.resolver.js';
import { InspectorResolver } from '../modules/inspector/inspector.resolver.js';
import { ItemResolver } from '../modules/item/item.resolver.js';
import { RegistryIoResolver } from '../modules/registry-io/registry-io.resolver.js';
import { TargetResolver } from '../modules/target/target.resolver.js';
import { UserResolver } from '../modules/user/user.resolver.js';
import { refuseNul } from './nul.js';
import { guardPersonalFields } from './personal.js';
import { guardOperations } from './policy.js';

let schema: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      AuthResolver,
      DepartmentResolver,
      ItemResolver,
      TargetResolver,
      InspectorResolver,
      ConflictResolver,
      UserResolver,
      RegistryIoResolver,
      CategoryResolver,
      ItemResultResolver,
      TargetRecordResolver,
      PlanResolver,
      PlanItemResolver,
      TaskResolver,
      MergeResolver,
      StatisticsResolver,
      DrawResolver,
      InspectionResolver,
      AttachmentResolver,
      InspectionAttachmentsResolver,
      PublicationResolver,
      PublicStatisticsResolver,
      NoticesResolver,
      TrailResolver,
    ],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  })
    .then(guardPersonalFields)
    .then(refuseNul)
    .then(guardOperations);
  return schema;
}
