import { ReferenceField, SelectField, SimpleShowLayout, TextField } from 'react-admin';
import { RecordShow } from '../common/RecordViews';
import { departmentKindChoices } from '../common/choices';
import { LocalDateField } from '../common/LocalDateField';

export const DepartmentShow = () => (
  <RecordShow>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="code" />
      <SelectField source="kind" choices={departmentKindChoices} />
      <ReferenceField source="parentId" reference="departments" emptyText="—" />
      <LocalDateField source="createdAt" showTime />
      <LocalDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </RecordShow>
);
