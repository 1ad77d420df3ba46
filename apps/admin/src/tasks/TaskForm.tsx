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
import { ParticipantInputs } from '../departments/Participants';
import { taskRule } from './taskForm';

const itemText = (item: RaRecord) =>
  `${String(item.seq)}. ${String(item.name)}（${String((item.department as { name?: string } | undefined)?.name ?? '')}）`;

/** The form's values the inputs below read. */
interface TaskValues {
  year?: unknown;
  planId?: unknown;
  scope?: unknown;
}

/** The items of the year the form names (of the plan, when the task carries one out). */
const ItemsInput = ({ year, planId }: { year: unknown; planId: unknown }) => {
  const translate = useTranslate();
  const hasPlan = typeof planId === 'string' && planId !== '';
  const { data: plan } = useGetOne<RaRecord & { lines?: { itemId: string }[] }>(
    'plans',
    { id: hasPlan ? planId : '' },
    { enabled: hasPlan },
  );
  if (typeof year !== 'number')
    return <Typography color="text.secondary">{translate('suiji.task.year_first')}</Typography>;
  const planned = hasPlan && plan?.lines ? plan.lines.map((l) => l.itemId) : null;
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
      <ParticipantInputs of="task" />
      <FormDataConsumer<TaskValues>>{({ formData }) => <PlanSelect year={formData.year} />}</FormDataConsumer>
      <FormDataConsumer<TaskValues>>
        {({ formData }) => <ItemsInput year={formData.year} planId={formData.planId} />}
      </FormDataConsumer>
      <RadioButtonGroupInput
        source="scope"
        choices={taskScopeChoices}
        validate={[required(), taskRule('scope')]}
      />
      <FormDataConsumer<TaskValues>>
        {({ formData }) => (formData.scope === 'DIRECTED' ? <DirectedFilters /> : null)}
      </FormDataConsumer>
      <DateInput source="windowStart" validate={required()} />
      <DateInput source="windowEnd" validate={[required(), taskRule('windowEnd')]} />
      <NumberInput source="teamSize" step={1} validate={[required(), taskRule('teamSize')]} />
    </SimpleForm>
  );
};
