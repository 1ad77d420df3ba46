import { ReferenceField, SelectField, Show, SimpleShowLayout, TextField, useCanAccess } from 'react-admin';
import { resultStateChoices } from '../common/choices';
import { LocalDateField } from '../common/LocalDateField';
import { TeamField } from './TeamField';

export const InspectionShow = () => {
  const { canAccess: seesTasks } = useCanAccess({ action: 'show', resource: 'tasks' });
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="target.name" label="resources.inspections.fields.targetId" />
        <TextField source="target.creditCode" />
        <TextField source="target.region" />
        {seesTasks ? <ReferenceField source="taskId" reference="tasks" link="show" /> : null}
        <ReferenceField source="drawId" reference="draws" link="show" />
        <TeamField source="team" />
        <SelectField source="state" choices={resultStateChoices} />
        <LocalDateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
};
