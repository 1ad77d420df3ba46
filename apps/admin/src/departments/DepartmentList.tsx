import { Datagrid, EditButton, List, ReferenceField, SelectField, SelectInput, TextField } from 'react-admin';
import { departmentKindChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';
import { ListActions } from '../common/ListActions';
import { QuickSearch } from '../common/QuickSearch';
import { LocalDateField } from '../common/LocalDateField';

const filters = [
  <QuickSearch key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={departmentKindChoices} />,
  <DepartmentInput key="parentId" source="parentId" />,
];

export const DepartmentList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'code', order: 'ASC' }} exporter={false}>
    <Datagrid bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <SelectField source="kind" choices={departmentKindChoices} />
      <ReferenceField source="parentId" reference="departments" sortable={false} />
      <LocalDateField source="updatedAt" showTime />
      <EditButton />
    </Datagrid>
  </List>
);
