import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { SuijiDataProvider } from '../providers/dataProvider';

/** Target types, regions or tags already in use, offered as choices and suggestions. */
export function useValuesInUse(kind: 'targetTypes' | 'regions' | 'targetTags'): string[] {
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const { data } = useQuery({
    queryKey: ['suiji', 'choices', kind],
    queryFn: () => dataProvider.choices(kind),
  });
  return data ?? [];
}
