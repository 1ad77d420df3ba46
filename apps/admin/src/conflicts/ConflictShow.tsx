import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';

export const ConflictShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="inspectorId" reference="inspectors" />
      <ReferenceField source="targetId" reference="targets" />
      <TextField source="target.creditCode" />
      <TextField source="reason" />
      <ReferenceField source="departmentId" reference="departments" />
      <LocalDateField source="createdAt" showTime />
    </SimpleShowLayout>
  </Show>
);
