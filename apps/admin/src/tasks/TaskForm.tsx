import { MAX_LENGTH, YEAR_MAX, YEAR_MIN } from '@suiji/domain';
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

/** The items of the year the form names: a task draws on one year's published list. */
const ItemsInput = ({ year }: { year: unknown }) => {
  const translate = useTranslate();
  if (typeof year !== 'number')
    return <Typography color="text.secondary">{translate('suiji.task.year_first')}</Typography>;
  return (
    <ReferenceArrayInput
      source="itemIds"
      reference="items"
      filter={{ year }}
      sort={{ field: 'seq', order: 'ASC' }}
      perPage={100}
    >
      <CheckboxGroupInput
        label="resources.tasks.fields.itemIds"
        optionText={itemText}
        row={false}
        validate={required()}
        helperText="suiji.task.items_help"
      />
    </ReferenceArrayInput>
  );
};

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
  const year = new Date().getFullYear();
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
      <FormDataConsumer>{({ formData }) => <ItemsInput year={formData.year} />}</FormDataConsumer>
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
