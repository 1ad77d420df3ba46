import { NumberInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { YEAR_MAX, YEAR_MIN } from '@suiji/domain';
import { taskScopeChoices } from '../common/choices';

const yearFilter = <NumberInput key="year" source="year" min={YEAR_MIN} max={YEAR_MAX} step={1} alwaysOn />;
const departmentFilter = (
  <ReferenceInput
    key="departmentId"
    source="departmentId"
    reference="departments"
    filter={{ kind: 'DEPARTMENT' }}
    alwaysOn
  >
    <SelectInput optionText="name" />
  </ReferenceInput>
);

/** How the public finds yearly plans: by name, year and a department taking part. */
export const publicPlanFilters = [<SearchInput key="q" source="q" alwaysOn />, yearFilter, departmentFilter];

/** How the public finds tasks: by name, year, a department taking part and scope. */
export const publicTaskFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  yearFilter,
  departmentFilter,
  <SelectInput key="scope" source="scope" choices={taskScopeChoices} alwaysOn />,
];
