import { formatChinaTime } from '@suiji/domain';
import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/**
 * A date as every page shows one (the domain's `formatChinaTime`): its day in China, YYYY-MM-DD, and with
 * `showTime` the time to the minute — the same form in both languages and beside the stored dates, so one
 * table never mixes 2027-01-28 and 2026/12/1.
 */
export const LocalDateField = ({
  showTime = false,
  emptyText = '',
  ...props
}: FieldProps & { showTime?: boolean }) => {
  const value: unknown = useFieldValue(props);
  const shown =
    typeof value === 'string' || typeof value === 'number' || value instanceof Date
      ? formatChinaTime(value, showTime)
      : emptyText;
  return (
    <Typography component="span" variant="body2" className={props.className} sx={{ whiteSpace: 'nowrap' }}>
      {shown}
    </Typography>
  );
};
