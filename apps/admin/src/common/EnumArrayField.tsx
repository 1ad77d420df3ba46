import { Chip, Stack } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** An array of enum values as chips, named in the current language (`enums.<group>.<value>`). */
export const EnumArrayField = ({ group, ...props }: FieldProps & { group: string }) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue(props);
  const values = Array.isArray(value) ? (value as string[]) : [];
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {values.map((v) => (
        <Chip key={v} size="small" label={translate(`enums.${group}.${v}`, { _: v })} />
      ))}
    </Stack>
  );
};
