import { Card, Typography } from '@mui/material';
import { chinaYear } from '@suiji/domain';
import { FilterForm, ListBase, Pagination, useTranslate } from 'react-admin';
import { publicTaskFilters } from './PublicFilters';
import { PublicLayout } from './PublicLayout';
import { PublicTaskDatagrid } from './PublicTaskDatagrid';

/** 抽查任务公示: every task whose draw is scheduled, latest window first, for anyone without signing in. */
export const PublicTaskList = () => {
  const translate = useTranslate();
  return (
    <PublicLayout>
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {translate('suiji.public.tasks')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('suiji.public.tasks_intro')}
      </Typography>
      <ListBase
        resource="publicTasks"
        disableAuthentication
        disableSyncWithLocation
        filterDefaultValues={{ year: chinaYear() }}
        sort={{ field: 'windowStart', order: 'DESC' }}
        perPage={25}
      >
        <FilterForm filters={publicTaskFilters} />
        <Card sx={{ overflowX: 'auto' }}>
          <PublicTaskDatagrid />
          <Pagination rowsPerPageOptions={[25, 50, 100]} />
        </Card>
      </ListBase>
    </PublicLayout>
  );
};
