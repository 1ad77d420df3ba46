import {
  DEFAULT_LOCALE,
  LOCALES,
  MAX_LENGTH,
  YEAR_MAX,
  YEAR_MIN,
  chinaYear,
  type Locale,
} from '@suiji/domain';
import { Typography } from '@mui/material';
import { useCallback, useMemo } from 'react';
import {
  ArrayInput,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useGetList,
  useLocaleState,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { ParticipantInputs } from '../departments/Participants';
import { bpToPercentText, percentToBp } from '../common/validators';
import { validatePlan } from './planForm';

const itemText = (item: RaRecord) =>
  `${String(item.seq)}. ${String(item.name)}（${String((item.department as { name?: string } | undefined)?.name ?? '')}）`;

/** The lines: items of the plan's year, each with its ratio, times per year and when. */
const LinesInput = ({ year }: { year: unknown }) => {
  const translate = useTranslate();
  if (typeof year !== 'number')
    return <Typography color="text.secondary">{translate('suiji.plan.year_first')}</Typography>;
  return (
    <ArrayInput source="lines" label="resources.plans.fields.lines" helperText="suiji.plan.lines_help">
      <SimpleFormIterator inline disableReordering>
        <ReferenceInput
          source="itemId"
          reference="items"
          filter={{ year }}
          sort={{ field: 'seq', order: 'ASC' }}
          perPage={100}
        >
          <SelectInput label="suiji.plan.line_item" optionText={itemText} sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <NumberInput
          source="ratioBp"
          label="suiji.plan.line_ratio"
          format={bpToPercentText}
          parse={percentToBp}
          min={0}
          max={100}
          sx={{ width: 140 }}
        />
        <NumberInput
          source="timesPerYear"
          label="suiji.plan.line_times"
          step={1}
          min={1}
          max={12}
          sx={{ width: 140 }}
        />
        <TextInput source="period" label="suiji.plan.line_period" sx={{ width: 180 }} />
      </SimpleFormIterator>
    </ArrayInput>
  );
};

export const PlanForm = () => {
  const [locale] = useLocaleState();
  const language: Locale = (LOCALES as readonly string[]).includes(locale)
    ? (locale as Locale)
    : DEFAULT_LOCALE;
  // The items of any year a plan may name are few (a department's list has a handful); the rules need
  // their minimum ratios.
  const { data: items } = useGetList<RaRecord & { name: string; minRatioBp: number }>('items', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'seq', order: 'ASC' },
  });
  const byId = useMemo(
    () =>
      new Map(
        (items ?? []).map((item) => [String(item.id), { name: item.name, minRatioBp: item.minRatioBp }]),
      ),
    [items],
  );
  const validate = useCallback(
    (values: Record<string, unknown>) => validatePlan(values, byId, language),
    [byId, language],
  );
  return (
    <SimpleForm
      validate={validate}
      defaultValues={{
        year: chinaYear(),
        cooperatingDepartmentIds: [],
        lines: [{ timesPerYear: 1 }],
      }}
    >
      <TextInput
        source="name"
        isRequired
        fullWidth
        slotProps={{ htmlInput: { maxLength: MAX_LENGTH.name } }}
      />
      <NumberInput source="year" step={1} isRequired min={YEAR_MIN} max={YEAR_MAX} />
      <ParticipantInputs of="plan" />
      <FormDataConsumer<{ year?: unknown }>>
        {({ formData }) => <LinesInput year={formData.year} />}
      </FormDataConsumer>
      <TextInput source="remarks" multiline fullWidth />
    </SimpleForm>
  );
};
