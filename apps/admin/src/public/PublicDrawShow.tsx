import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Card, Stack, Typography } from '@mui/material';
import { useParams } from 'react-router';
import {
  Button,
  Datagrid,
  FilterForm,
  Labeled,
  Link,
  ListBase,
  Pagination,
  SearchInput,
  ShowBase,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DrawStatusChip, PublishedDrawDetails } from '../draws/DrawDetails';
import type { PublicDrawRecordFields } from '../draws/drawTypes';
import { PublicDrawCheck } from './PublicDrawCheck';
import { NameChips } from './PublicDrawDatagrid';
import { PublicLayout } from './PublicLayout';

/** What a draw is about, as published: its task's name, departments and items. */
const PublicDrawHeading = () => {
  const draw = useRecordContext<PublicDrawRecordFields>();
  if (!draw) return null;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        {/* The public layout has no app bar title: the task's name is the page's level-one heading. */}
        <Typography variant="h5" component="h1" data-testid="draw-title">
          <TextField source="taskName" variant="h5" component="span" />
        </Typography>
        <DrawStatusChip />
      </Stack>
      <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1.5 }}>
        <Labeled source="departments">
          <NameChips source="departments" />
        </Labeled>
        <Labeled source="items">
          <NameChips source="items" />
        </Labeled>
      </Stack>
    </Stack>
  );
};

/** 抽查名单: the targets the draw selected, by name, credit code and region, with each visit's items. */
const DrawnList = () => {
  const draw = useRecordContext<PublicDrawRecordFields>();
  const translate = useTranslate();
  if (draw?.status !== 'DRAWN') return null;
  return (
    <Stack spacing={1}>
      <Typography variant="h6" component="h2">
        {translate('suiji.public.drawn_list')}
      </Typography>
      <ListBase
        resource="publicDrawTargets"
        filter={{ drawId: draw.id }}
        disableAuthentication
        disableSyncWithLocation
        perPage={25}
      >
        <FilterForm
          filters={[
            <SearchInput key="q" source="q" alwaysOn placeholder={translate('suiji.public.search')} />,
          ]}
        />
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="drawn-list">
          <TextField source="targetName" sortable={false} />
          <TextField source="creditCode" sortable={false} />
          <TextField source="region" />
          <NameChips source="items" sortable={false} />
        </Datagrid>
        <Pagination rowsPerPageOptions={[25, 50, 100]} />
      </ListBase>
    </Stack>
  );
};

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
        <ShowBase resource="publicDraws" id={id} disableAuthentication>
          <Card>
            <Stack spacing={3} sx={{ p: 2 }}>
              <PublicDrawHeading />
              <PublishedDrawDetails />
              <PublicDrawCheck />
              <DrawnList />
            </Stack>
          </Card>
        </ShowBase>
      </Stack>
    </PublicLayout>
  );
};
