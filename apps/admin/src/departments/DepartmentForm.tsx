import { MAX_LENGTH } from '@suiji/domain';
import { SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { departmentKindChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';

export const DepartmentForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={[required(), maxLength(MAX_LENGTH.name)]} />
    <TextInput source="code" validate={[required(), maxLength(MAX_LENGTH.code)]} />
    <SelectInput
      source="kind"
      choices={departmentKindChoices}
      validate={required()}
      defaultValue="DEPARTMENT"
    />
    <DepartmentInput source="parentId" />
  </SimpleForm>
);
