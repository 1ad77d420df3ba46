import { MAX_LENGTH } from '@suiji/domain';
import { SelectInput, SimpleForm, TextArrayInput, TextInput, maxLength, required } from 'react-admin';
import { riskClassChoices, targetKindChoices, targetStatusChoices } from '../common/choices';
import { SuggestingTextInput } from '../common/SuggestingTextInput';
import { useValuesInUse } from '../common/useValuesInUse';
import { keepEmpty, validateCreditCode } from '../common/validators';

const normaliseCode = (value: string | null) => (value == null ? value : value.trim().toUpperCase());

export const TargetForm = () => {
  const regions = useValuesInUse('regions');
  const targetTypes = useValuesInUse('targetTypes');
  return (
    <SimpleForm
      defaultValues={{ kind: 'ENTERPRISE', riskClass: 'B', status: 'ACTIVE', tags: [], targetTypes: [] }}
    >
      <TextInput source="name" validate={[required(), maxLength(MAX_LENGTH.name)]} fullWidth />
      <TextInput source="creditCode" parse={normaliseCode} validate={[required(), validateCreditCode]} />
      <SelectInput source="kind" choices={targetKindChoices} validate={required()} />
      <TextInput source="legalRepresentative" parse={keepEmpty} validate={maxLength(MAX_LENGTH.short)} />
      <TextInput source="address" parse={keepEmpty} validate={maxLength(MAX_LENGTH.name)} fullWidth />
      <SuggestingTextInput
        source="region"
        suggestions={regions}
        validate={[required(), maxLength(MAX_LENGTH.short)]}
      />
      <TextInput source="contact" parse={keepEmpty} validate={maxLength(MAX_LENGTH.short)} />
      <SelectInput source="riskClass" choices={riskClassChoices} validate={required()} />
      <SelectInput source="status" choices={targetStatusChoices} validate={required()} />
      <TextArrayInput source="targetTypes" options={targetTypes} fullWidth />
      <TextArrayInput source="tags" fullWidth />
    </SimpleForm>
  );
};
