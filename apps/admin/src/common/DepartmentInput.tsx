import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

/** Picks a department by name (searched on the API with `q`). */
export const DepartmentInput = ({
  source = 'departmentId',
  validate,
  alwaysOn,
  label,
}: {
  source?: string;
  validate?: Validator | Validator[];
  alwaysOn?: boolean;
  label?: string;
}) => (
  <ReferenceInput
    source={source}
    reference="departments"
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn={alwaysOn}
  >
    <AutocompleteInput optionText="name" validate={validate} label={label} />
  </ReferenceInput>
);
