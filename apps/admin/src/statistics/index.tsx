import { Skeleton } from '@mui/material';
import { lazy, Suspense } from 'react';
import { CanAccess } from 'react-admin';
import { AccessDeniedPage } from '../layout/AccessDeniedPage';

// Loaded when first shown: ECharts and the page stay out of the bundle every other page loads.
const StatisticsPage = lazy(() => import('./StatisticsPage'));

/** 统计分析 for those the policy lets read statistics; the page's code is fetched on the way. */
export const StatisticsRoute = () => (
  <CanAccess action="list" resource="statistics" accessDenied={<AccessDeniedPage />}>
    <Suspense fallback={<Skeleton variant="rounded" height={480} sx={{ mt: 2 }} />}>
      <StatisticsPage />
    </Suspense>
  </CanAccess>
);

/** Managers (局领导) come to read the figures: 统计分析 is their home page. */
export function landsOnStatistics(role: string | undefined): boolean {
  return role === 'MANAGER';
}
