import { Alert } from '@mui/material';
import { MAX_LENGTH } from '@suiji/domain';
import {
  BooleanInput,
  DeleteButton,
  Labeled,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DepartmentInput } from '../common/DepartmentInput';
import { keepEmpty, validateCategoryCode } from '../common/validators';
import type { CategoryRecordFields } from '../draws/drawTypes';
import { CategoryKindField } from './CategoryFields';

const upperCase = (value: string | null) => (value == null ? value : value.trim().toUpperCase());

/** Save, and delete for a department's own category (the standard ones stay). */
const CategoryToolbar = () => {
  const category = useRecordContext<CategoryRecordFields>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {category && !category.standard ? <DeleteButton mutationMode="pessimistic" /> : null}
    </Toolbar>
  );
};

/**
 * A category's code (fixed once created), names and consequences. A standard category's names are the
 * national ones: only its consequences change, so its name inputs are read-only and never sent. An
 * administrator picks the department a new category belongs to; a coordinator's is their own.
 */
export const CategoryForm = ({ edit = false }: { edit?: boolean }) => {
  const category = useRecordContext<CategoryRecordFields>();
  const translate = useTranslate();
  const { permissions } = usePermissions<string | null>();
  const standard = edit && category?.standard === true;
  return (
    <SimpleForm
      defaultValues={{ nameEn: '', problem: true, raisesRisk: false, marksAbnormal: false }}
      toolbar={<CategoryToolbar />}
    >
      {standard ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="standard-category">
          {translate('suiji.category.standard_help')}
        </Alert>
      ) : null}
      {edit ? (
        <Labeled label="resources.categories.fields.kind">
          <CategoryKindField />
        </Labeled>
      ) : null}
      <TextInput
        source="code"
        readOnly={edit}
        parse={upperCase}
        validate={edit ? undefined : [required(), validateCategoryCode]}
        helperText={edit ? false : 'suiji.category.code_help'}
      />
      <TextInput
        source="nameZh"
        readOnly={standard}
        validate={[required(), maxLength(MAX_LENGTH.short)]}
        fullWidth
      />
      <TextInput
        source="nameEn"
        readOnly={standard}
        parse={keepEmpty}
        validate={maxLength(MAX_LENGTH.short)}
        helperText={standard ? false : 'suiji.category.name_en_help'}
        fullWidth
      />
      {!edit && permissions === 'ADMIN' ? (
        <DepartmentInput label="resources.categories.fields.departmentId" />
      ) : null}
      <BooleanInput source="problem" helperText="suiji.category.problem_help" />
      <BooleanInput source="raisesRisk" helperText="suiji.category.raises_risk_help" />
      <BooleanInput source="marksAbnormal" helperText="suiji.category.marks_abnormal_help" />
    </SimpleForm>
  );
};
