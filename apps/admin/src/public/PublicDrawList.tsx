import { Card, Typography } from '@mui/material';
import { ListBase, Pagination, useTranslate, type RaRecord } from 'react-admin';
import { DrawDatagrid } from '../draws/DrawDatagrid';
import { PublicLayout } from './PublicLayout';

const showPath = (id: RaRecord['id']) => `/public/draws/${String(id)}`;

/** Every draw, for anyone: the API lists draws to the public (一公开), so this needs no sign-in. */
export const PublicDrawList = () => {
  const translate = useTranslate();
  return (
    <PublicLayout>
      <Typography variant="h5" gutterBottom>
        {translate('suiji.public.list')}
      </Typography>
      <ListBase resource="draws" disableAuthentication perPage={25} disableSyncWithLocation>
        <Card>
          <DrawDatagrid rowClick={showPath} />
          <Pagination />
        </Card>
      </ListBase>
    </PublicLayout>
  );
};
