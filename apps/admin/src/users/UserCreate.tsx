import { MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@suiji/domain';
import {
  Create,
  PasswordInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  minLength,
  required,
} from 'react-admin';
import { roleChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';

export const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ role: 'INSPECTOR' }}>
      <TextInput source="username" validate={[required(), maxLength(MAX_LENGTH.short)]} autoComplete="off" />
      <TextInput source="displayName" validate={[required(), maxLength(MAX_LENGTH.short)]} />
      <PasswordInput
        source="password"
        validate={[required(), minLength(PASSWORD_MIN_LENGTH), maxLength(MAX_LENGTH.password)]}
        autoComplete="new-password"
      />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <DepartmentInput source="departmentId" validate={required()} />
    </SimpleForm>
  </Create>
);
