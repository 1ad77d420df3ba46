import {
  BooleanField,
  Datagrid,
  EditButton,
  List,
  ReferenceField,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { roleChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';
import { ListActions } from '../common/ListActions';
import { QuickSearch } from '../common/QuickSearch';
import { LocalDateField } from '../common/LocalDateField';

const filters = [
  <QuickSearch key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <DepartmentInput key="departmentId" source="departmentId" />,
];

export const UserList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'username', order: 'ASC' }}
    exporter={false}
  >
    <Datagrid bulkActionButtons={false} rowClick="edit">
      <TextField source="username" />
      <TextField source="displayName" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceField source="departmentId" reference="departments" sortable={false} />
      <BooleanField source="active" sortable={false} />
      <LocalDateField source="createdAt" />
      <EditButton />
    </Datagrid>
  </List>
);
