import { Card, Typography } from '@mui/material';
import { FilterForm, ListBase, Pagination, useTranslate } from 'react-admin';
import { PublicDrawDatagrid } from './PublicDrawDatagrid';
import { publicDrawFilters } from './PublicFilters';
import { PublicLayout } from './PublicLayout';

/** Every draw, for anyone, from the API's public projection of draws: no sign-in needed. */
export const PublicDrawList = () => {
  const translate = useTranslate();
  return (
    <PublicLayout>
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {translate('suiji.public.list')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('suiji.public.intro')}
      </Typography>
      <ListBase
        resource="publicDraws"
        disableAuthentication
        perPage={25}
        disableSyncWithLocation
        sort={{ field: 'createdAt', order: 'DESC' }}
      >
        <FilterForm filters={publicDrawFilters} />
        <Card>
          <PublicDrawDatagrid />
          <Pagination />
        </Card>
      </ListBase>
    </PublicLayout>
  );
};
