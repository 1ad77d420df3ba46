import { Stack } from '@mui/material';
import {
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useCanAccess,
  type ShowProps,
} from 'react-admin';
import { EnumArrayField } from '../common/EnumArrayField';
import { followUpChoices, resultCategoryChoices, resultStateChoices } from '../common/choices';
import { LocalDateField } from '../common/LocalDateField';
import { AttachmentsField } from './AttachmentsField';
import { EnterResultButton } from './EnterResultButton';
import { DeadlineField } from './ResultFields';
import { ReviewResultButton } from './ReviewResultButton';
import { TeamField } from './TeamField';

/** Entering and reviewing the result, for whoever the policy lets do it in the inspection's state. */
const ResultActions = () => (
  <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
    <EnterResultButton />
    <ReviewResultButton />
  </Stack>
);

export const InspectionShow = (props: ShowProps) => {
  const { canAccess: seesTasks } = useCanAccess({ action: 'show', resource: 'tasks' });
  return (
    <Show {...props}>
      <SimpleShowLayout>
        <ResultActions />
        <TextField source="target.name" label="resources.inspections.fields.targetId" />
        <TextField source="target.creditCode" />
        <TextField source="target.region" />
        {seesTasks ? <ReferenceField source="taskId" reference="tasks" link="show" /> : null}
        <ReferenceField source="drawId" reference="draws" link="show" />
        <TeamField source="team" />
        <SelectField source="state" choices={resultStateChoices} />
        <DeadlineField source="publicationDeadline" />
        <SelectField source="resultCategory" choices={resultCategoryChoices} emptyText="—" />
        <EnumArrayField source="methodsUsed" group="inspectionMethod" />
        <TextField source="inspectedOn" emptyText="—" />
        <TextField source="findings" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        <SelectField source="followUp" choices={followUpChoices} emptyText="—" />
        <AttachmentsField label="resources.inspections.fields.attachments" />
        <LocalDateField source="enteredAt" showTime emptyText="—" />
        <TextField source="reviewComment" emptyText="—" />
        <LocalDateField source="publishedAt" showTime emptyText="—" />
        <LocalDateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
};
