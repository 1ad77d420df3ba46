import { YEAR_MAX, YEAR_MIN, chinaYear } from '@suiji/domain';
import {
  AutocompleteInput,
  DateInput,
  Datagrid,
  List,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SelectField,
  TextField,
  WrapperField,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import { taskProgressChoices, taskScopeChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';
import { ListActions } from '../common/ListActions';
import { QuickSearch } from '../common/QuickSearch';

/** A task's visits: drawn, entered, published ("抽取 12 · 录入 8 · 公示 5"). */
const VisitsField = (_props: FieldProps) => {
  const task = useRecordContext<{
    id: string;
    visits?: { drawn: number; entered: number; published: number };
  }>();
  const translate = useTranslate();
  if (!task?.visits) return null;
  const { drawn, entered, published } = task.visits;
  return (
    <span data-testid="task-visits" style={{ whiteSpace: 'nowrap' }}>
      {translate('suiji.task.visits', { drawn, entered, published })}
    </span>
  );
};

/** Search and year, and the filters of 统计分析's drill-downs (`TaskListFilter`), shown when set. */
const filters = [
  <QuickSearch key="q" source="q" alwaysOn />,
  <NumberInput key="year" source="year" min={YEAR_MIN} max={YEAR_MAX} step={1} alwaysOn />,
  <DepartmentInput key="departmentId" source="departmentId" />,
  <ReferenceInput key="itemId" source="itemId" reference="items" sort={{ field: 'seq', order: 'ASC' }}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <DateInput key="windowFrom" source="windowFrom" />,
  <DateInput key="windowTo" source="windowTo" />,
  <NullableBooleanInput key="joint" source="joint" />,
  <NullableBooleanInput key="fromPlan" source="fromPlan" />,
  <SelectInput key="progress" source="progress" choices={taskProgressChoices} />,
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
      <SelectField source="progress" choices={taskProgressChoices} sortable={false} />
      <VisitsField source="visits" sortable={false} />
    </Datagrid>
  </List>
);
