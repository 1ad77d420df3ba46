import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Card, Stack, Typography } from '@mui/material';
import { Button, Datagrid, Link, ListBase, Pagination, TextField, useTranslate } from 'react-admin';
import { EnumArrayField } from '../common/EnumArrayField';
import { LocalDateField } from '../common/LocalDateField';
import { ItemResultLines } from '../inspections/ResultFields';
import { PublicLayout } from './PublicLayout';

const label = (field: string) => `resources.inspections.fields.${field}`;

/**
 * Published results (公示), for anyone: the API lists them to the public, so this needs no sign-in. A visit
 * covers several items; each has its own category, findings and follow-up.
 */
export const PublicResultList = () => {
  const translate = useTranslate();
  return (
    <PublicLayout>
      <Stack spacing={2}>
        <div>
          <Button label="suiji.public.back" component={Link} to="/public/draws">
            <ArrowBackIcon />
          </Button>
        </div>
        <Typography variant="h5">{translate('suiji.public.results')}</Typography>
        <Typography color="text.secondary">{translate('suiji.public.results_intro')}</Typography>
        <ListBase resource="results" disableAuthentication perPage={25} disableSyncWithLocation>
          <Card>
            <Datagrid bulkActionButtons={false} rowClick={false} data-testid="public-results">
              <TextField source="target.name" label={label('targetId')} sortable={false} />
              <TextField
                source="target.creditCode"
                label={label('target.creditCode')}
                sortable={false}
                sx={{ fontFamily: 'monospace' }}
              />
              <ItemResultLines source="results" label={label('results')} details sortable={false} />
              <TextField source="inspectedOn" label={label('inspectedOn')} emptyText="—" sortable={false} />
              <EnumArrayField
                source="methodsUsed"
                group="inspectionMethod"
                label={label('methodsUsed')}
                sortable={false}
              />
              <LocalDateField source="publishedAt" label={label('publishedAt')} sortable={false} />
            </Datagrid>
            <Pagination />
          </Card>
        </ListBase>
      </Stack>
    </PublicLayout>
  );
};
