import { MAX_LENGTH } from '@suiji/domain';
import {
  BooleanInput,
  PasswordInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { RecordEdit } from '../common/RecordViews';
import { roleChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';
import { validatePassword } from '../common/validators';

export const UserEdit = () => (
  <RecordEdit mutationMode="pessimistic">
    <SimpleForm>
      <TextInput source="username" readOnly />
      <TextInput source="displayName" validate={[required(), maxLength(MAX_LENGTH.short)]} />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <DepartmentInput source="departmentId" validate={required()} />
      <BooleanInput source="active" />
      <PasswordInput
        source="password"
        label="suiji.password_new"
        helperText="suiji.password.ends_sessions"
        validate={validatePassword()}
        autoComplete="new-password"
      />
    </SimpleForm>
  </RecordEdit>
);
