import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Card, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams } from 'react-router';
import { Button, ListBase, Pagination, useDataProvider, useTranslate } from 'react-admin';
import type { SuijiDataProvider } from '../providers/dataProvider';
import { PublicLayout } from './PublicLayout';
import { PublicResultGrid } from './PublicResultList';

/**
 * One entity's page of 公示: its name, credit code and region, and every published inspection of it
 * (authority, items, date, result and follow-up), newest first. An entity with no published result has none.
 */
export const PublicEntityShow = () => {
  const { creditCode = '' } = useParams<{ creditCode: string }>();
  const translate = useTranslate();
  const navigate = useNavigate();
  // 'default': the portal was opened on this page, so there is no page of ours to go back to.
  const location = useLocation();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const {
    data: entity,
    isPending,
    error,
  } = useQuery({
    queryKey: ['publicEntity', creditCode],
    queryFn: () => dataProvider.publicEntity(creditCode),
  });
  return (
    <PublicLayout>
      <Stack spacing={2}>
        <div>
          {/* Back to the search the reader came from, where there is one. */}
          <Button
            label="suiji.public.back_results"
            onClick={() =>
              location.key !== 'default' ? void navigate(-1) : void navigate('/public/results')
            }
          >
            <ArrowBackIcon />
          </Button>
        </div>
        {isPending ? <CircularProgress aria-label={translate('ra.page.loading')} /> : null}
        {error ? <Alert severity="error">{error.message}</Alert> : null}
        {!isPending && !error && !entity ? (
          <>
            <Typography variant="h5" component="h1">
              {creditCode}
            </Typography>
            <Alert severity="info" data-testid="entity-none">
              {translate('suiji.public.entity_none')}
            </Alert>
          </>
        ) : null}
        {entity ? (
          <>
            <Stack spacing={0.5}>
              <Typography variant="h5" component="h1" data-testid="entity-name">
                {entity.name}
              </Typography>
              <Typography color="text.secondary">
                {translate('resources.publicResults.fields.creditCode')}
                {translate('suiji.colon')}
                <span style={{ fontFamily: 'monospace' }}>{entity.creditCode}</span>
                {entity.region ? ` · ${entity.region}` : ''}
              </Typography>
              <Typography color="text.secondary" data-testid="entity-count">
                {translate('suiji.public.entity_count', { smart_count: entity.publishedCount })}
              </Typography>
            </Stack>
            <Typography variant="h6" component="h2">
              {translate('suiji.public.entity_history')}
            </Typography>
            <ListBase
              resource="publicResults"
              disableAuthentication
              disableSyncWithLocation
              filter={{ creditCode: entity.creditCode }}
              sort={{ field: 'publishedAt', order: 'DESC' }}
              perPage={25}
            >
              <Card>
                <PublicResultGrid ofEntity />
                <Pagination />
              </Card>
            </ListBase>
          </>
        ) : null}
      </Stack>
    </PublicLayout>
  );
};
