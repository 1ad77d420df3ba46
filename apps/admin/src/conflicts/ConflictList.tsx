import {
  AutocompleteInput,
  Datagrid,
  EditButton,
  List,
  ReferenceField,
  ReferenceInput,
  TextField,
} from 'react-admin';
import { ListActions } from '../common/ListActions';
import { QuickSearch } from '../common/QuickSearch';
import { TargetInput } from './TargetInput';
import { LocalDateField } from '../common/LocalDateField';

const filters = [
  <QuickSearch key="q" source="q" alwaysOn />,
  <ReferenceInput key="inspectorId" source="inspectorId" reference="inspectors">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <TargetInput key="targetId" source="targetId" />,
];

export const ConflictList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    exporter={false}
  >
    <Datagrid bulkActionButtons={false}>
      <ReferenceField source="inspectorId" reference="inspectors" sortable={false} />
      <ReferenceField source="targetId" reference="targets" sortable={false} />
      <TextField source="target.creditCode" sortable={false} />
      <TextField source="reason" />
      <LocalDateField source="createdAt" />
      <EditButton />
    </Datagrid>
  </List>
);
