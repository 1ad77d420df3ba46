import { AutocompleteInput, ReferenceInput, type RaRecord, type Validator } from 'react-admin';

const targetText = (record: RaRecord) => `${String(record.name)}（${String(record.creditCode)}）`;

/** Picks one of the ~2,000 targets by name or credit code, searched on the API. */
export const TargetInput = ({
  validate,
  source = 'targetId',
  readOnly,
}: {
  validate?: Validator;
  source?: string;
  readOnly?: boolean;
}) => (
  <ReferenceInput source={source} reference="targets" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText={targetText} validate={validate} readOnly={readOnly} fullWidth />
  </ReferenceInput>
);
