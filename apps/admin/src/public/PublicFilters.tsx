import {
  DateInput,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { YEAR_MAX, YEAR_MIN } from '@suiji/domain';
import { drawStatusChoices, taskScopeChoices } from '../common/choices';

const TOP_LEVEL = { kind: 'DEPARTMENT' };

/** The search of published results: an entity's name or its unified social credit code. */
const EntitySearch = ({ source }: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput source={source} placeholder={translate('suiji.public.search')} />;
};

const departmentFilter = (
  <ReferenceInput
    key="departmentId"
    source="departmentId"
    reference="departments"
    filter={TOP_LEVEL}
    alwaysOn
  >
    <SelectInput optionText="name" />
  </ReferenceInput>
);
const yearFilter = <NumberInput key="year" source="year" min={YEAR_MIN} max={YEAR_MAX} step={1} alwaysOn />;

/** How a citizen finds published results: by entity, region, inspecting authority, item and period. */
export const publicResultFilters = [
  <EntitySearch key="q" source="q" alwaysOn />,
  <TextInput key="region" source="region" alwaysOn />,
  departmentFilter,
  yearFilter,
  <ReferenceInput
    key="itemId"
    source="itemId"
    reference="items"
    sort={{ field: 'seq', order: 'ASC' }}
    alwaysOn
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <DateInput key="publishedFrom" source="publishedFrom" alwaysOn />,
  <DateInput key="publishedTo" source="publishedTo" alwaysOn />,
];

/** How the public finds draws: by state, department and year. */
export const publicDrawFilters = [
  <SelectInput key="status" source="status" choices={drawStatusChoices} alwaysOn />,
  departmentFilter,
  yearFilter,
];

/** How the public finds the item list: by year and department. */
export const publicItemFilters = [yearFilter, departmentFilter];

/** How the public finds yearly plans: by name, year and a department taking part. */
export const publicPlanFilters = [<SearchInput key="q" source="q" alwaysOn />, yearFilter, departmentFilter];

/** How the public finds tasks: by name, year, a department taking part and scope. */
export const publicTaskFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  yearFilter,
  departmentFilter,
  <SelectInput key="scope" source="scope" choices={taskScopeChoices} alwaysOn />,
];
