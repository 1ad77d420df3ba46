import { NumberField, SelectField, SimpleShowLayout, TextArrayField, TextField } from 'react-admin';
import { RecordShow } from '../common/RecordViews';
import { riskClassChoices, targetKindChoices, targetStatusChoices } from '../common/choices';
import { LocalDateField } from '../common/LocalDateField';
import { AbnormalField, InspectionHistoryField } from './TargetFields';

/** A target's record, with what published results did to it and its inspection history. */
export const TargetShow = () => (
  <RecordShow>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="creditCode" />
      <SelectField source="kind" choices={targetKindChoices} />
      <TextField source="legalRepresentative" emptyText="—" />
      <TextField source="address" emptyText="—" />
      <TextField source="region" emptyText="—" />
      <TextField source="contact" emptyText="—" />
      <SelectField source="riskClass" choices={riskClassChoices} />
      <SelectField source="status" choices={targetStatusChoices} />
      <AbnormalField source="abnormal" />
      <NumberField source="problemCount" />
      <TextArrayField source="targetTypes" />
      <TextArrayField source="tags" />
      <LocalDateField source="updatedAt" showTime />
      <InspectionHistoryField source="inspectionHistory" />
    </SimpleShowLayout>
  </RecordShow>
);
