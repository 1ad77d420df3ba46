import {
  BooleanField,
  Datagrid,
  EditButton,
  List,
  NullableBooleanInput,
  ReferenceField,
  SelectField,
  SelectInput,
  TextArrayField,
  TextField,
  TextInput,
} from 'react-admin';
import { inspectorStatusChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';
import { ListActions } from '../common/ListActions';
import { QuickSearch } from '../common/QuickSearch';
import { LocalDateField } from '../common/LocalDateField';

const filters = [
  <QuickSearch key="q" source="q" alwaysOn />,
  <DepartmentInput key="departmentId" source="departmentId" />,
  <SelectInput key="status" source="status" choices={inspectorStatusChoices} />,
  <TextInput key="expertise" source="expertise" />,
  <NullableBooleanInput key="certificateValid" source="certificateValid" />,
];

export const InspectorList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <Datagrid bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="departmentId" reference="departments" sortable={false} />
      <TextField source="certificateNumber" emptyText="—" />
      <LocalDateField source="certificateValidUntil" />
      <BooleanField source="certificateValid" sortable={false} />
      <SelectField source="status" choices={inspectorStatusChoices} />
      <TextArrayField source="expertise" sortable={false} />
      <TextField source="phone" emptyText="—" sortable={false} />
      <EditButton />
    </Datagrid>
  </List>
);
