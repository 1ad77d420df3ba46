import { MAX_LENGTH, TIMES_PER_YEAR_MAX, YEAR_MAX, YEAR_MIN, chinaYear } from '@suiji/domain';
import {
  CheckboxGroupInput,
  NumberInput,
  RadioButtonGroupInput,
  SimpleForm,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  number,
  required,
} from 'react-admin';
import { inspectionMethodChoices, itemCategoryChoices } from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';
import { SuggestingTextInput } from '../common/SuggestingTextInput';
import { useValuesInUse } from '../common/useValuesInUse';
import { bpToPercentText, percentToBp, validateRatioBp } from '../common/validators';

export const ItemForm = () => {
  const targetTypes = useValuesInUse('targetTypes');
  return (
    <SimpleForm
      defaultValues={{
        year: chinaYear(),
        category: 'GENERAL',
        timesPerYear: 1,
        methods: ['ON_SITE'],
      }}
    >
      <NumberInput
        source="year"
        step={1}
        validate={[required(), number(), minValue(YEAR_MIN), maxValue(YEAR_MAX)]}
      />
      <DepartmentInput source="departmentId" validate={required()} />
      <NumberInput source="seq" step={1} validate={minValue(1)} />
      <TextInput source="name" validate={[required(), maxLength(MAX_LENGTH.name)]} fullWidth />
      <TextInput
        source="legalBasis"
        validate={[required(), maxLength(MAX_LENGTH.text)]}
        multiline
        fullWidth
      />
      <TextInput source="inspectingBody" validate={[required(), maxLength(MAX_LENGTH.name)]} fullWidth />
      <RadioButtonGroupInput source="category" choices={itemCategoryChoices} validate={required()} />
      <SuggestingTextInput
        source="targetType"
        suggestions={targetTypes}
        validate={[required(), maxLength(MAX_LENGTH.name)]}
      />
      <NumberInput
        source="minRatioBp"
        format={bpToPercentText}
        parse={percentToBp}
        min={0}
        max={100}
        validate={[required(), validateRatioBp]}
      />
      <NumberInput
        source="timesPerYear"
        step={1}
        validate={[required(), minValue(1), maxValue(TIMES_PER_YEAR_MAX)]}
      />
      <CheckboxGroupInput source="methods" choices={inspectionMethodChoices} validate={required()} />
      <TextInput source="remarks" validate={maxLength(MAX_LENGTH.text)} multiline fullWidth />
    </SimpleForm>
  );
};
