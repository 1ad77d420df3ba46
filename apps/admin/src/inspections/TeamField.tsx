import { useRecordContext, type FieldProps } from 'react-admin';
import type { InspectionRecordFields } from '../draws/drawTypes';

/** The current team of an inspection (replacements applied), by name, in its order. */
export const TeamField = (_props: FieldProps) => {
  const inspection = useRecordContext<InspectionRecordFields>();
  return <span data-testid="team">{(inspection?.team ?? []).map((m) => m.name).join('、')}</span>;
};
