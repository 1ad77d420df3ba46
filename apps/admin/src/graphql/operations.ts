/**
 * The dashboard's own operations besides the resources' list, one, create, update and delete (which
 * resources.ts assembles from the fragments of records.ts): typed documents, checked against
 * apps/api/schema.graphql by GraphQL Code Generator, whose generated types are their results and variables.
 */
import { graphql } from './generated';

/** An import's report: rows read, imported (all or none), and the first problems with their fixes. */
export const ImportReportFields = graphql(`
  fragment ImportReportFields on ImportReport {
    ok
    imported
    rows
    errorCount
    errors {
      row
      column
      message
      hint
    }
  }
`);

export const ImportTargets = graphql(`
  mutation ImportTargets($file: FileInput!) {
    importTargets(file: $file) {
      ...ImportReportFields
    }
  }
`);

export const ImportInspectors = graphql(`
  mutation ImportInspectors($file: FileInput!) {
    importInspectors(file: $file) {
      ...ImportReportFields
    }
  }
`);

export const ImportTemplate = graphql(`
  query Template($registry: ImportRegistry!) {
    importTemplate(registry: $registry) {
      filename
      mimeType
      contentBase64
    }
  }
`);

export const ScheduleDraw = graphql(`
  mutation Schedule($input: ScheduleDrawInput!) {
    scheduleDraw(input: $input) {
      ...DrawFields
    }
  }
`);

export const RunDraw = graphql(`
  mutation Run($input: RunDrawInput!) {
    runDraw(input: $input) {
      ...DrawFields
    }
  }
`);

export const ReplaceInspector = graphql(`
  mutation Replace($input: ReplaceInspectorInput!) {
    replaceInspector(input: $input) {
      ...InspectionFields
    }
  }
`);

export const EnterResult = graphql(`
  mutation Enter($input: ResultInput!) {
    enterResult(input: $input) {
      ...InspectionFields
    }
  }
`);

export const ReviewResult = graphql(`
  mutation Review($input: ReviewInput!) {
    reviewResult(input: $input) {
      ...InspectionFields
    }
  }
`);

export const PublishResults = graphql(`
  mutation PublishResults($inspectionIds: [ID!]!) {
    publishResults(inspectionIds: $inspectionIds) {
      id
      state
    }
  }
`);

export const CloseFollowUp = graphql(`
  mutation CloseFollowUp($inspectionId: ID!, $itemId: ID!, $input: CloseFollowUpInput!) {
    closeFollowUp(inspectionId: $inspectionId, itemId: $itemId, input: $input) {
      ...InspectionFields
    }
  }
`);

export const VerifyDraw = graphql(`
  query Verify($id: ID!) {
    verifyDraw(id: $id) {
      ok
      field
    }
  }
`);

export const VerifyTrail = graphql(`
  query VerifyTrail {
    verifyTrail {
      ok
      checked
      brokenSeq
      problem
    }
  }
`);

export const AcceptTask = graphql(`
  mutation Accept($taskId: ID!) {
    acceptTask(taskId: $taskId) {
      ...TaskFields
    }
  }
`);

export const DeclineTask = graphql(`
  mutation Decline($taskId: ID!, $reason: String!) {
    declineTask(taskId: $taskId, reason: $reason) {
      ...TaskFields
    }
  }
`);

/** A merge proposal (合并检查建议) with its tasks, figures and each department's response. */
export const MergeProposalFields = graphql(`
  fragment MergeProposalFields on MergeProposal {
    id
    state
    year
    quarter
    taskIds
    tasks {
      id
      name
      departmentId
      windowStart
      windowEnd
    }
    departmentIds
    departments {
      id
      name
    }
    targetCount
    separateVisits
    jointVisits
    visitsSaved
    mergedTaskId
    responses {
      departmentId
      departmentName
      state
      answeredByName
      answeredAt
      reason
    }
  }
`);

export const MergeProposals = graphql(`
  query Merges($year: Int!, $quarter: Int!) {
    mergeProposals(year: $year, quarter: $quarter) {
      ...MergeProposalFields
    }
  }
`);

export const MergeProposalsAwaiting = graphql(`
  query Awaiting($page: PageInput) {
    mergeProposalsAwaiting(page: $page) {
      items {
        id
        year
        quarter
        visitsSaved
        createdAt
      }
      total
    }
  }
`);

export const ProposeMerge = graphql(`
  mutation Propose($taskIds: [ID!]!) {
    proposeMerge(taskIds: $taskIds) {
      ...MergeProposalFields
    }
  }
`);

export const RespondToMergeProposal = graphql(`
  mutation Respond($id: ID!, $accept: Boolean!, $reason: String) {
    respondToMergeProposal(id: $id, accept: $accept, reason: $reason) {
      ...MergeProposalFields
    }
  }
`);

export const Statistics = graphql(`
  query Statistics(
    $family: StatFamily!
    $period: PeriodInput!
    $groupBy: [StatDimension!]!
    $filter: StatisticsFilterInput
  ) {
    statistics(family: $family, period: $period, groupBy: $groupBy, filter: $filter) {
      family
      groupBy
      figures
      period {
        kind
        from
        to
        label
      }
      cutOff
      rows {
        keys
        labels
        values
      }
      total {
        keys
        labels
        values
      }
    }
  }
`);

export const StatisticsSummary = graphql(`
  query StatisticsSummary($period: PeriodInput!, $filter: StatisticsFilterInput) {
    statisticsSummary(period: $period, filter: $filter) {
      period {
        kind
        from
        to
        label
      }
      previousPeriod {
        kind
        from
        to
        label
      }
      cutOff
      kpis {
        figure
        value
        numerator
        denominator
        previous
      }
    }
  }
`);

export const ExportStatistics = graphql(`
  query ExportStatistics(
    $family: StatFamily!
    $period: PeriodInput!
    $groupBy: [StatDimension!]!
    $filter: StatisticsFilterInput
  ) {
    exportStatistics(family: $family, period: $period, groupBy: $groupBy, filter: $filter) {
      filename
      mimeType
      contentBase64
    }
  }
`);

export const PublicEntity = graphql(`
  query PublicEntity($creditCode: String!) {
    publicEntity(creditCode: $creditCode) {
      name
      creditCode
      region
      publishedCount
    }
  }
`);

export const PublicDrawCheck = graphql(`
  query PublicDrawCheck($drawId: ID!, $q: String!) {
    publicDrawCheck(drawId: $drawId, q: $q) {
      more
      matches {
        targetName
        creditCode
        inPool
        excludedReason
        drawn
      }
    }
  }
`);

export const PublicStatistics = graphql(`
  query PublicStatistics($filter: PublicStatisticsFilter) {
    publicStatistics(filter: $filter) {
      fromYear
      toYear
      cutOff
      rows {
        departmentId
        departmentName
        year
        drawn
        published
        problems
        problemRate
        onTime
        onTimeRate
      }
      total {
        drawn
        published
        problems
        problemRate
        onTime
        onTimeRate
      }
    }
  }
`);

export const Login = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      user {
        id
        username
        displayName
        role
        departmentId
        departmentIds
      }
    }
  }
`);

export const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

export const ChangeMyPassword = graphql(`
  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
      expiresAt
    }
  }
`);

/** A result's attachment (附件): the file's name, type, size and digest, and where to download it. */
export const AttachmentFields = graphql(`
  fragment AttachmentFields on Attachment {
    id
    fileName
    mimeType
    size
    sha256
    url
    createdAt
  }
`);

export const Attachments = graphql(`
  query Attachments($id: ID!) {
    inspection(id: $id) {
      id
      attachments {
        ...AttachmentFields
      }
    }
  }
`);

export const AttachmentRules = graphql(`
  query AttachmentRules {
    attachmentRules {
      maxBytes
      maxCount
      mimeTypes
    }
  }
`);

export const DeleteAttachment = graphql(`
  mutation DeleteAttachment($id: ID!) {
    deleteAttachment(id: $id) {
      id
    }
  }
`);
