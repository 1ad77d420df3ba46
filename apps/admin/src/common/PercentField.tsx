import { formatRatioBp } from '@suiji/domain';
import { useFieldValue, type FieldProps } from 'react-admin';

/** A ratio kept in basis points, shown as a percentage. */
export const PercentField = (props: FieldProps) => {
  const value: unknown = useFieldValue(props);
  return <span>{typeof value === 'number' ? formatRatioBp(value) : ''}</span>;
};
