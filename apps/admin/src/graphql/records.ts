/**
 * What the dashboard reads of each record, once per type: GraphQL fragments checked against
 * apps/api/schema.graphql by GraphQL Code Generator (`pnpm codegen`), whose generated types are the records' types.
 * The resources' list, one, create, update and delete operations select these (resources.ts), as do the
 * actions that answer with a record.
 */
import { graphql } from './generated';

/** A result category's names and consequences. */
export const CategoryInfo = graphql(`
  fragment CategoryInfo on ResultCategory {
    code
    nameZh
    nameEn
    departmentId
    standard
    problem
    raisesRisk
    marksAbnormal
  }
`);

/** An inspection's result, as staff read it: the visit's date and methods, and per item the category (named in both languages), findings, follow-up and how it was closed (后续处置完结). */
export const Results = graphql(`
  fragment Results on Inspection {
    itemIds
    items {
      id
      name
    }
    methodsUsed
    inspectedOn
    publishedAt
    results {
      id
      itemId
      item {
        id
        name
      }
      category
      categoryInfo {
        id
        ...CategoryInfo
      }
      findings
      followUp
      closedOn
      closureOutcome
      closureNote
      closedByName
      closedAt
    }
  }
`);

export const DepartmentFields = graphql(`
  fragment DepartmentFields on Department {
    id
    createdAt
    updatedAt
    name
    code
    kind
    parentId
    parent {
      id
      name
    }
  }
`);

export const ItemFields = graphql(`
  fragment ItemFields on InspectionItem {
    id
    createdAt
    updatedAt
    year
    departmentId
    department {
      id
      name
    }
    seq
    name
    legalBasis
    inspectingBody
    category
    targetType
    minRatioBp
    timesPerYear
    methods
    remarks
  }
`);

export const TargetFields = graphql(`
  fragment TargetFields on Target {
    id
    createdAt
    updatedAt
    name
    creditCode
    kind
    legalRepresentative
    address
    region
    contact
    tags
    riskClass
    status
    targetTypes
    abnormal
    abnormalReason
    problemCount
  }
`);

/** A target's inspection history: asked for one target only, never per row of a list. */
export const TargetHistory = graphql(`
  fragment TargetHistory on Target {
    inspectionHistory {
      id
      taskId
      state
      ...Results
    }
  }
`);

export const InspectorFields = graphql(`
  fragment InspectorFields on Inspector {
    id
    createdAt
    updatedAt
    name
    departmentId
    department {
      id
      name
    }
    certificateNumber
    certificateValidFrom
    certificateValidUntil
    certificateValid
    expertise
    status
    phone
    userId
  }
`);

export const ConflictFields = graphql(`
  fragment ConflictFields on Conflict {
    id
    createdAt
    updatedAt
    inspectorId
    inspector {
      id
      name
    }
    targetId
    target {
      id
      name
      creditCode
    }
    reason
    departmentId
  }
`);

export const UserFields = graphql(`
  fragment UserFields on User {
    id
    createdAt
    updatedAt
    username
    displayName
    role
    departmentId
    department {
      id
      name
    }
    active
  }
`);

export const PlanFields = graphql(`
  fragment PlanFields on Plan {
    id
    createdAt
    updatedAt
    name
    year
    departmentId
    department {
      id
      name
    }
    cooperatingDepartmentIds
    remarks
    taskCount
    lines {
      id
      itemId
      item {
        id
        seq
        name
        minRatioBp
        timesPerYear
        departmentId
      }
      ratioBp
      timesPerYear
      period
      roundsDone
      taskCount
    }
  }
`);

export const TaskFields = graphql(`
  fragment TaskFields on Task {
    id
    createdAt
    updatedAt
    name
    year
    departmentId
    department {
      id
      name
    }
    cooperatingDepartmentIds
    planId
    plan {
      id
      name
    }
    itemIds
    items {
      id
      name
      seq
      minRatioBp
      riskRatios {
        riskClass
        ratioBp
      }
      targetType
      departmentId
    }
    scope
    regions
    tags
    riskClasses
    targetKinds
    windowStart
    windowEnd
    teamSize
    ready
    progress
    visits {
      drawn
      entered
      published
    }
    acceptances {
      departmentId
      departmentName
      state
      answeredByName
      answeredAt
      reason
    }
  }
`);

export const DrawFields = graphql(`
  fragment DrawFields on Draw {
    id
    createdAt
    updatedAt
    taskId
    departmentIds
    status
    runAfter
    commitment
    poolDigest
    poolSize
    excludedCount
    rosterSize
    ratios {
      riskClass
      ratioBp
    }
    team {
      size
      departments
    }
    entropySource
    entropyIssue
    entropyPublishedAt
    ranAt
    publicEntropy
    seed
    nonce
    selectedCount
    poolUrl
    exclusionsUrl
    recordUrl
  }
`);

export const InspectionFields = graphql(`
  fragment InspectionFields on Inspection {
    id
    createdAt
    updatedAt
    taskId
    drawId
    targetId
    target {
      id
      name
      creditCode
      region
      riskClass
    }
    teamIds
    team {
      id
      name
      departmentId
      userId
    }
    state
    ...Results
    publicationDeadline
    overdue
    enteredAt
    reviewComment
  }
`);

export const CategoryFields = graphql(`
  fragment CategoryFields on ResultCategory {
    id
    createdAt
    updatedAt
    ...CategoryInfo
  }
`);

export const PublicPlanFields = graphql(`
  fragment PublicPlanFields on PublicPlan {
    id
    name
    year
    departments
    lines {
      item
      ratioBp
      timesPerYear
      period
    }
    taskCount
    selectedCount
    createdAt
  }
`);

export const PublicTaskFields = graphql(`
  fragment PublicTaskFields on PublicTask {
    id
    name
    year
    planId
    planName
    departments
    items
    scope
    regions
    tags
    targetKinds
    windowStart
    windowEnd
    drawId
    drawStatus
    selectedCount
  }
`);

export const PublicDrawFields = graphql(`
  fragment PublicDrawFields on PublicDraw {
    id
    taskName
    year
    departments
    items
    status
    createdAt
    runAfter
    entropySource
    entropyIssue
    entropyPublishedAt
    commitment
    poolDigest
    poolSize
    excludedCount
    rosterSize
    team {
      size
    }
    ratios {
      riskClass
      ratioBp
    }
    ranAt
    publicEntropy
    nonce
    seed
    selectedCount
    poolUrl
    exclusionsUrl
    recordUrl
  }
`);

export const PublicResultFields = graphql(`
  fragment PublicResultFields on PublicResult {
    id
    drawId
    targetName
    creditCode
    region
    taskName
    year
    authorities
    inspectedOn
    publishedAt
    inspectors
    items {
      item
      category
      categoryNameZh
      categoryNameEn
      problem
      marksAbnormal
      followUp
    }
  }
`);

export const PublicDrawnTargetFields = graphql(`
  fragment PublicDrawnTargetFields on PublicDrawnTarget {
    id
    targetName
    creditCode
    region
    items
  }
`);

/** An entry of the trail (全程留痕); its key is its position in the chain. */
export const TrailFields = graphql(`
  fragment TrailFields on TrailEntry {
    id: seq
    seq
    at
    actorId
    action
    entity
    entityId
    before
    after
    prevHash
    hash
  }
`);
