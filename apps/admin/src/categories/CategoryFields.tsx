import { Chip, Stack } from '@mui/material';
import {
  ReferenceField,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import type { CategoryRecordFields } from '../draws/drawTypes';
import { categoryName } from '../inspections/result';

/** A category's name in the reader's language. */
export const CategoryNameField = (_props: Partial<FieldProps>) => {
  const category = useRecordContext<CategoryRecordFields>();
  const [locale] = useLocaleState();
  return <span>{categoryName(category, locale)}</span>;
};

/** “标准” for the glossary's categories, otherwise the department that keeps it. */
export const CategoryKindField = (_props: Partial<FieldProps>) => {
  const category = useRecordContext<CategoryRecordFields>();
  const translate = useTranslate();
  if (!category) return null;
  if (category.standard)
    return (
      <Chip
        size="small"
        color="primary"
        label={translate('suiji.category.standard')}
        data-testid="category-kind"
        data-standard="true"
      />
    );
  return (
    <Stack direction="row" data-testid="category-kind" data-standard="false">
      <ReferenceField source="departmentId" reference="departments" link={false}>
        <TextField source="name" />
      </ReferenceField>
    </Stack>
  );
};

const FLAGS = ['problem', 'raisesRisk', 'marksAbnormal'] as const;
const FLAG_COLOR = { problem: 'warning', raisesRisk: 'error', marksAbnormal: 'error' } as const;

/** The consequences of publishing a result in this category, as chips (none: “无”). */
export const ConsequencesField = (_props: Partial<FieldProps>) => {
  const category = useRecordContext<CategoryRecordFields>();
  const translate = useTranslate();
  if (!category) return null;
  const set = FLAGS.filter((flag) => category[flag]);
  if (set.length === 0) return <span>{translate('suiji.category.no_consequence')}</span>;
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {set.map((flag) => (
        <Chip
          key={flag}
          size="small"
          variant="outlined"
          color={FLAG_COLOR[flag]}
          label={translate(`resources.categories.fields.${flag}`)}
          data-flag={flag}
        />
      ))}
    </Stack>
  );
};
