import { NumberField, ReferenceField, SelectField, SimpleShowLayout, TextField } from 'react-admin';
import { RecordShow } from '../common/RecordViews';
import { itemCategoryChoices } from '../common/choices';
import { EnumArrayField } from '../common/EnumArrayField';
import { PercentField } from '../common/PercentField';
import { LocalDateField } from '../common/LocalDateField';

export const ItemShow = () => (
  <RecordShow>
    <SimpleShowLayout>
      <NumberField source="year" options={{ useGrouping: false }} />
      <ReferenceField source="departmentId" reference="departments" />
      <NumberField source="seq" />
      <TextField source="name" />
      <TextField source="legalBasis" />
      <TextField source="inspectingBody" />
      <SelectField source="category" choices={itemCategoryChoices} />
      <TextField source="targetType" />
      <PercentField source="minRatioBp" />
      <NumberField source="timesPerYear" />
      <EnumArrayField source="methods" group="inspectionMethod" />
      <TextField source="remarks" emptyText="—" />
      <LocalDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </RecordShow>
);
