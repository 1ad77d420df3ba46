import { MAX_LENGTH } from '@suiji/domain';
import { Create, PasswordInput, SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { roleChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';
import { validatePassword } from '../common/validators';

export const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ role: 'INSPECTOR' }}>
      <TextInput source="username" validate={[required(), maxLength(MAX_LENGTH.short)]} autoComplete="off" />
      <TextInput source="displayName" validate={[required(), maxLength(MAX_LENGTH.short)]} />
      <PasswordInput
        source="password"
        validate={[required(), validatePassword()]}
        autoComplete="new-password"
      />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <DepartmentInput source="departmentId" validate={required()} />
    </SimpleForm>
  </Create>
);
