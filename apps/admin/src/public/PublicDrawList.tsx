import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Card, Stack, Typography } from '@mui/material';
import { Button, FilterForm, Link, ListBase, Pagination, useTranslate } from 'react-admin';
import { PublicDrawDatagrid } from './PublicDrawDatagrid';
import { publicDrawFilters } from './PublicFilters';
import { PublicLayout } from './PublicLayout';

/** Every draw, for anyone, from the API's public projection of draws: no sign-in needed. */
export const PublicDrawList = () => {
  const translate = useTranslate();
  return (
    <PublicLayout>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h5">{translate('suiji.public.list')}</Typography>
        <Button
          label="suiji.public.results"
          component={Link}
          to="/public/results"
          data-testid="public-results-link"
        >
          <FactCheckIcon />
        </Button>
      </Stack>
      <ListBase resource="publicDraws" disableAuthentication perPage={25} disableSyncWithLocation>
        <FilterForm filters={publicDrawFilters} />
        <Card>
          <PublicDrawDatagrid />
          <Pagination />
        </Card>
      </ListBase>
    </PublicLayout>
  );
};
