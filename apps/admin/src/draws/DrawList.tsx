import { YEAR_MAX, YEAR_MIN } from '@suiji/domain';
import { List, NumberInput, SelectInput } from 'react-admin';
import { drawStatusChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';
import { ListActions } from '../common/ListActions';
import { DrawDatagrid } from './DrawDatagrid';

/** State and year always at hand; the department (a unit stands for its department) when set. */
const filters = [
  <SelectInput key="status" source="status" choices={drawStatusChoices} alwaysOn />,
  <NumberInput key="year" source="year" min={YEAR_MIN} max={YEAR_MAX} step={1} alwaysOn />,
  <DepartmentInput key="departmentId" source="departmentId" />,
];

export const DrawList = () => (
  <List filters={filters} actions={<ListActions />} exporter={false}>
    <DrawDatagrid />
  </List>
);
