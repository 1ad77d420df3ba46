import { ReferenceField, SimpleShowLayout, TextField } from 'react-admin';
import { RecordShow } from '../common/RecordViews';
import { LocalDateField } from '../common/LocalDateField';

export const ConflictShow = () => (
  <RecordShow>
    <SimpleShowLayout>
      <ReferenceField source="inspectorId" reference="inspectors" />
      <ReferenceField source="targetId" reference="targets" />
      <TextField source="target.creditCode" />
      <TextField source="reason" />
      <ReferenceField source="departmentId" reference="departments" />
      <LocalDateField source="createdAt" showTime />
    </SimpleShowLayout>
  </RecordShow>
);
