import { useQuery } from '@tanstack/react-query';
import type { StatisticsRequest } from '@suiji/domain';
import { useDataProvider } from 'react-admin';
import type { SuijiDataProvider } from '../providers/dataProvider';

// A refused request (a bad period, a department out of scope) fails again the same way: no retries.
const OPTIONS = { retry: false, staleTime: 30_000 } as const;

/**
 * One statistics table. The API names the rows (departments, items, categories) in the reader's language,
 * so the language is part of what is asked.
 */
export function useStatisticsTable(request: StatisticsRequest, locale: string) {
  const dataProvider = useDataProvider<SuijiDataProvider>();
  return useQuery({
    queryKey: ['suiji', 'statistics', locale, request],
    queryFn: () => dataProvider.statistics(request),
    ...OPTIONS,
  });
}

/** The cards: each headline figure over the period, beside the previous period's. */
export function useStatisticsSummary(
  request: Pick<StatisticsRequest, 'period' | 'filter'>,
  locale: string,
  enabled: boolean,
) {
  const dataProvider = useDataProvider<SuijiDataProvider>();
  return useQuery({
    queryKey: ['suiji', 'statisticsSummary', locale, request],
    queryFn: () => dataProvider.statisticsSummary(request),
    enabled,
    ...OPTIONS,
  });
}
