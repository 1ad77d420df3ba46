import {
  BooleanField,
  ReferenceField,
  SelectField,
  SimpleShowLayout,
  TextArrayField,
  TextField,
} from 'react-admin';
import { RecordShow } from '../common/RecordViews';
import { inspectorStatusChoices } from '../common/choices';
import { LocalDateField } from '../common/LocalDateField';

export const InspectorShow = () => (
  <RecordShow>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="departmentId" reference="departments" />
      <TextField source="certificateNumber" emptyText="—" />
      <LocalDateField source="certificateValidFrom" />
      <LocalDateField source="certificateValidUntil" />
      <BooleanField source="certificateValid" />
      <SelectField source="status" choices={inspectorStatusChoices} />
      <TextArrayField source="expertise" />
      <TextField source="phone" emptyText="—" />
      <LocalDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </RecordShow>
);
