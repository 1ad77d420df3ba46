import { MAX_LENGTH, YEAR_MAX, YEAR_MIN, chinaYear } from '@suiji/domain';
import { Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  CheckboxGroupInput,
  DateInput,
  FormDataConsumer,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  ReferenceInput,
  SimpleForm,
  TextArrayInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  number,
  required,
  useGetOne,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { riskClassChoices, stringChoices, targetKindChoices, taskScopeChoices } from '../common/choices';
import { useValuesInUse } from '../common/useValuesInUse';

/** Cooperating and initiating departments are whole departments, not their 股室 or 所. */
const TOP_LEVEL = { kind: 'DEPARTMENT' };

const itemText = (item: RaRecord) =>
  `${String(item.seq)}. ${String(item.name)}（${String((item.department as { name?: string } | undefined)?.name ?? '')}）`;

const validateWindowEnd = (end: unknown, values: Record<string, unknown>) =>
  typeof end === 'string' && typeof values.windowStart === 'string' && end < values.windowStart
    ? 'suiji.validation.window'
    : undefined;

/** The items of the year the form names (of the plan, when the task carries one out). */
const ItemsInput = ({ year, planId }: { year: unknown; planId: unknown }) => {
  const translate = useTranslate();
  const hasPlan = typeof planId === 'string' && planId !== '';
  const { data: plan } = useGetOne('plans', { id: hasPlan ? planId : '' }, { enabled: hasPlan });
  if (typeof year !== 'number')
    return <Typography color="text.secondary">{translate('suiji.task.year_first')}</Typography>;
  const planned =
    hasPlan && Array.isArray(plan?.lines) ? (plan.lines as { itemId: string }[]).map((l) => l.itemId) : null;
  return (
    <ReferenceArrayInput
      source="itemIds"
      reference="items"
      filter={planned ? { year, ids: planned } : { year }}
      sort={{ field: 'seq', order: 'ASC' }}
      perPage={100}
    >
      <CheckboxGroupInput
        label="resources.tasks.fields.itemIds"
        optionText={itemText}
        row={false}
        validate={required()}
        helperText={planned ? 'suiji.task.items_of_plan_help' : 'suiji.task.items_help'}
      />
    </ReferenceArrayInput>
  );
};

/** The plan this task is a round of: one of the year's plans the user's department takes part in. */
const PlanSelect = ({ year }: { year: unknown }) =>
  typeof year === 'number' ? (
    <ReferenceInput source="planId" reference="plans" filter={{ year }}>
      <AutocompleteInput optionText="name" helperText="suiji.task.plan_help" fullWidth />
    </ReferenceInput>
  ) : null;

/** The filters of a directed task (定向抽查); an undirected one draws from every eligible target. */
const DirectedFilters = () => {
  const regions = useValuesInUse('regions');
  return (
    <>
      <AutocompleteArrayInput source="regions" choices={stringChoices(regions)} fullWidth />
      <TextArrayInput source="tags" fullWidth />
      <CheckboxGroupInput source="riskClasses" choices={riskClassChoices} />
      <CheckboxGroupInput source="targetKinds" choices={targetKindChoices} />
    </>
  );
};

/** An undirected task sends no filters (the API refuses filters on it), whatever was picked before switching. */
export function taskTransform(data: RaRecord): RaRecord {
  if (data.scope === 'DIRECTED') return data;
  return { ...data, regions: [], tags: [], riskClasses: [], targetKinds: [] };
}

export const TaskForm = () => {
  const year = chinaYear();
  return (
    <SimpleForm
      defaultValues={{
        year,
        scope: 'UNDIRECTED',
        teamSize: 2,
        cooperatingDepartmentIds: [],
        itemIds: [],
        regions: [],
        tags: [],
        riskClasses: [],
        targetKinds: [],
      }}
    >
      <TextInput source="name" validate={[required(), maxLength(MAX_LENGTH.name)]} fullWidth />
      <NumberInput
        source="year"
        step={1}
        validate={[required(), number(), minValue(YEAR_MIN), maxValue(YEAR_MAX)]}
      />
      <ReferenceInput source="departmentId" reference="departments" filter={TOP_LEVEL}>
        <AutocompleteInput optionText="name" helperText="suiji.task.department_help" />
      </ReferenceInput>
      <ReferenceArrayInput source="cooperatingDepartmentIds" reference="departments" filter={TOP_LEVEL}>
        <AutocompleteArrayInput optionText="name" helperText="suiji.task.cooperating_help" fullWidth />
      </ReferenceArrayInput>
      <FormDataConsumer>{({ formData }) => <PlanSelect year={formData.year} />}</FormDataConsumer>
      <FormDataConsumer>
        {({ formData }) => <ItemsInput year={formData.year} planId={formData.planId} />}
      </FormDataConsumer>
      <RadioButtonGroupInput source="scope" choices={taskScopeChoices} validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (formData.scope === 'DIRECTED' ? <DirectedFilters /> : null)}
      </FormDataConsumer>
      <DateInput source="windowStart" validate={required()} />
      <DateInput source="windowEnd" validate={[required(), validateWindowEnd]} />
      <NumberInput source="teamSize" step={1} validate={[required(), minValue(2), maxValue(10)]} />
    </SimpleForm>
  );
};
