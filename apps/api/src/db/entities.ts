import { Category } from '../modules/category/category.entity.js';
import { Attachment } from '../modules/attachment/attachment.entity.js';
import { Draw } from '../modules/draw/draw.entity.js';
import { DrawItem } from '../modules/draw/draw-item.entity.js';
import { DrawText } from '../modules/draw/draw-text.entity.js';
import { ItemResult } from '../modules/inspection/item-result.entity.js';
import { Inspection } from '../modules/inspection/inspection.entity.js';
import { InspectionMember } from '../modules/inspection/inspection-member.entity.js';
import { VisitItem } from '../modules/inspection/visit-item.entity.js';
import { CoverageFact } from '../modules/statistics/coverage-fact.entity.js';
import {
  CoverageCube,
  MemberCube,
  TargetCube,
  VisitCube,
  VisitItemCube,
} from '../modules/statistics/cube.entity.js';
import { Plan, PlanItem } from '../modules/plan/plan.entity.js';
import { Task } from '../modules/task/task.entity.js';
import { TaskAcceptance } from '../modules/task/task-acceptance.entity.js';
import { TaskDepartment } from '../modules/task/task-department.entity.js';
import { MergeProposal, MergeResponse } from '../modules/merge/merge.entity.js';
import { TrailEntry } from '../modules/trail/trail.entity.js';
import { Conflict } from '../modules/conflict/conflict.entity.js';
import { Department } from '../modules/department/department.entity.js';
import { Inspector } from '../modules/inspector/inspector.entity.js';
import { InspectionItem } from '../modules/item/item.entity.js';
import { Target } from '../modules/target/target.entity.js';
import { TargetTag } from '../modules/target/target-tag.entity.js';
import { User } from '../modules/user/user.entity.js';
import { UserSession } from '../modules/auth/session.entity.js';
import { LoginThrottle } from '../modules/auth/throttle.entity.js';

/** Every entity, listed explicitly (no folder scanning, so the same list works compiled and under vitest). */
export const ENTITIES = [
  Department,
  InspectionItem,
  Target,
  TargetTag,
  Inspector,
  Conflict,
  User,
  UserSession,
  LoginThrottle,
  Plan,
  PlanItem,
  Task,
  TaskDepartment,
  TaskAcceptance,
  MergeProposal,
  MergeResponse,
  Draw,
  DrawItem,
  DrawText,
  Inspection,
  InspectionMember,
  VisitItem,
  CoverageFact,
  VisitCube,
  VisitItemCube,
  CoverageCube,
  MemberCube,
  TargetCube,
  Attachment,
  TrailEntry,
  Category,
  ItemResult,
];
