import { YEAR_MAX, YEAR_MIN, chinaYear } from '@suiji/domain';
import {
  Datagrid,
  List,
  NumberField,
  NumberInput,
  ReferenceField,
  SelectField,
  TextField,
  WrapperField,
} from 'react-admin';
import { taskScopeChoices } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { QuickSearch } from '../common/QuickSearch';

const filters = [
  <QuickSearch key="q" source="q" alwaysOn />,
  <NumberInput key="year" source="year" min={YEAR_MIN} max={YEAR_MAX} step={1} alwaysOn />,
];

export const TaskList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ year: chinaYear() }}
    actions={<ListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    exporter={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <ReferenceField source="departmentId" reference="departments" sortable={false} link={false} />
      <SelectField source="scope" choices={taskScopeChoices} sortable={false} />
      <WrapperField label="suiji.task.window" sortBy="windowStart">
        <TextField source="windowStart" /> – <TextField source="windowEnd" />
      </WrapperField>
      <NumberField source="teamSize" sortable={false} />
    </Datagrid>
  </List>
);
