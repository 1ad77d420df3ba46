import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Card, Stack } from '@mui/material';
import { useParams } from 'react-router';
import { Button, Link, ShowBase } from 'react-admin';
import { DrawDetails } from '../draws/DrawDetails';
import { PublicLayout } from './PublicLayout';

/** One draw, for anyone: its published data, files and the verification in the reader's own browser. */
export const PublicDrawShow = () => {
  const { id } = useParams<{ id: string }>();
  return (
    <PublicLayout>
      <Stack spacing={2}>
        <div>
          <Button label="suiji.public.back" component={Link} to="/public/draws">
            <ArrowBackIcon />
          </Button>
        </div>
        <ShowBase resource="draws" id={id} disableAuthentication>
          <Card>
            <DrawDetails />
          </Card>
        </ShowBase>
      </Stack>
    </PublicLayout>
  );
};
