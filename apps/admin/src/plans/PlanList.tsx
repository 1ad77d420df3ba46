import { YEAR_MAX, YEAR_MIN, chinaYear } from '@suiji/domain';
import { Datagrid, List, NumberField, NumberInput, ReferenceField, TextField } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { QuickSearch } from '../common/QuickSearch';

const filters = [
  <QuickSearch key="q" source="q" alwaysOn />,
  <NumberInput key="year" source="year" min={YEAR_MIN} max={YEAR_MAX} step={1} alwaysOn />,
];

export const PlanList = () => (
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
      <NumberField source="taskCount" sortable={false} />
    </Datagrid>
  </List>
);
