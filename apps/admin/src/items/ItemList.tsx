import { YEAR_MAX, YEAR_MIN } from '@suiji/domain';
import {
  Datagrid,
  EditButton,
  List,
  NumberField,
  NumberInput,
  ReferenceField,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { itemCategoryChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';
import { EnumArrayField } from '../common/EnumArrayField';
import { ListActions } from '../common/ListActions';
import { QuickSearch } from '../common/QuickSearch';
import { PercentField } from '../common/PercentField';
import { itemListDefaults } from './listDefaults';

const filters = [
  <QuickSearch key="q" source="q" alwaysOn />,
  <NumberInput key="year" source="year" min={YEAR_MIN} max={YEAR_MAX} step={1} alwaysOn />,
  <DepartmentInput key="departmentId" source="departmentId" />,
  <SelectInput key="category" source="category" choices={itemCategoryChoices} />,
];

export const ItemList = () => (
  <List
    filters={filters}
    filterDefaultValues={itemListDefaults()}
    actions={<ListActions />}
    sort={{ field: 'seq', order: 'ASC' }}
    exporter={false}
  >
    <Datagrid bulkActionButtons={false}>
      <NumberField source="year" options={{ useGrouping: false }} />
      <ReferenceField source="departmentId" reference="departments" sortable={false} />
      <NumberField source="seq" />
      <TextField source="name" />
      <SelectField source="category" choices={itemCategoryChoices} />
      <TextField source="targetType" sortable={false} />
      <PercentField source="minRatioBp" />
      <NumberField source="timesPerYear" sortable={false} />
      <EnumArrayField source="methods" group="inspectionMethod" sortable={false} />
      <EditButton />
    </Datagrid>
  </List>
);
