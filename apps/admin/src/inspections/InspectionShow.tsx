import { Stack } from '@mui/material';
import {
  ReferenceField,
  SelectField,
  SimpleShowLayout,
  TextField,
  useCanAccess,
  type ShowProps,
} from 'react-admin';
import { RecordShow } from '../common/RecordViews';
import { EnumArrayField } from '../common/EnumArrayField';
import { resultStateChoices } from '../common/choices';
import { LocalDateField } from '../common/LocalDateField';
import { AttachmentsField } from './AttachmentsField';
import { EnterResultButton } from './EnterResultButton';
import { DeadlineField, ItemResultsField, ItemsField } from './ResultFields';
import { ReviewResultButton } from './ReviewResultButton';
import { TeamField } from './TeamField';

/** Entering and reviewing the result, for whoever the policy lets do it in the inspection's state. */
const ResultActions = () => (
  <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
    <EnterResultButton />
    <ReviewResultButton />
  </Stack>
);

/** One visit: the target, the items it covers, the team, and once entered the result of each item. */
export const InspectionShow = (props: ShowProps) => {
  const { canAccess: seesTasks } = useCanAccess({ action: 'show', resource: 'tasks' });
  return (
    <RecordShow {...props}>
      <SimpleShowLayout>
        <ResultActions />
        <TextField source="target.name" label="resources.inspections.fields.targetId" />
        <TextField source="target.creditCode" />
        <TextField source="target.region" />
        {seesTasks ? <ReferenceField source="taskId" reference="tasks" link="show" /> : null}
        <ReferenceField source="drawId" reference="draws" link="show" />
        <ItemsField source="items" />
        <TeamField source="team" />
        <SelectField source="state" choices={resultStateChoices} />
        <DeadlineField source="publicationDeadline" />
        <TextField source="inspectedOn" emptyText="—" />
        <EnumArrayField source="methodsUsed" group="inspectionMethod" />
        <ItemResultsField source="results" />
        <AttachmentsField label="resources.inspections.fields.attachments" />
        <LocalDateField source="enteredAt" showTime emptyText="—" />
        <TextField source="reviewComment" emptyText="—" />
        <LocalDateField source="publishedAt" showTime emptyText="—" />
        <LocalDateField source="createdAt" showTime />
      </SimpleShowLayout>
    </RecordShow>
  );
};
