import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Card, Stack, Typography } from '@mui/material';
import { Button, Link, ListBase, Pagination, useTranslate, type RaRecord } from 'react-admin';
import { DrawDatagrid } from '../draws/DrawDatagrid';
import { PublicLayout } from './PublicLayout';

const showPath = (id: RaRecord['id']) => `/public/draws/${String(id)}`;

/** Every draw, for anyone: the API lists draws to the public (一公开), so this needs no sign-in. */
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
      <ListBase resource="draws" disableAuthentication perPage={25} disableSyncWithLocation>
        <Card>
          <DrawDatagrid rowClick={showPath} />
          <Pagination />
        </Card>
      </ListBase>
    </PublicLayout>
  );
};
