import { MAX_LENGTH } from '@suiji/domain';
import {
  AutocompleteInput,
  DateInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextArrayInput,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { inspectorStatusChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';

const validUntilAfterFrom = (value: unknown, values: Record<string, unknown>) =>
  typeof value === 'string' &&
  typeof values.certificateValidFrom === 'string' &&
  value < values.certificateValidFrom
    ? 'suiji.validation.dates'
    : undefined;

export const InspectorForm = () => (
  <SimpleForm defaultValues={{ status: 'ON_DUTY', expertise: [] }}>
    <TextInput source="name" validate={[required(), maxLength(MAX_LENGTH.short)]} />
    <DepartmentInput source="departmentId" validate={required()} />
    <TextInput source="certificateNumber" validate={[required(), maxLength(MAX_LENGTH.code)]} />
    <DateInput source="certificateValidFrom" validate={required()} />
    <DateInput source="certificateValidUntil" validate={[required(), validUntilAfterFrom]} />
    <SelectInput source="status" choices={inspectorStatusChoices} validate={required()} />
    <TextArrayInput source="expertise" fullWidth />
    <TextInput source="phone" validate={maxLength(50)} />
    <ReferenceInput source="userId" reference="users" sort={{ field: 'username', order: 'ASC' }}>
      <AutocompleteInput optionText="displayName" />
    </ReferenceInput>
  </SimpleForm>
);
