import { AutocompleteInput, ReferenceInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { TargetInput } from './TargetInput';

/** On edit only the reason changes: a conflict between other people is a new record. */
export const ConflictForm = ({ edit = false }: { edit?: boolean }) => (
  <SimpleForm>
    <ReferenceInput source="inspectorId" reference="inspectors" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" validate={required()} readOnly={edit} />
    </ReferenceInput>
    <TargetInput validate={required()} readOnly={edit} />
    <TextInput source="reason" validate={[required(), maxLength(500)]} multiline fullWidth />
  </SimpleForm>
);
