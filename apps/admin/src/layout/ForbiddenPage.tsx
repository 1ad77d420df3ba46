import LockIcon from '@mui/icons-material/Lock';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import { useSearchParams } from 'react-router';
import { Link, Title, useCreatePath, useTranslate } from 'react-admin';

/** Where a refused record sends the reader, naming the list it came from. */
export const forbiddenPath = (resource: string) =>
  `/forbidden${resource ? `?resource=${encodeURIComponent(resource)}` : ''}`;

/**
 * 无权访问: the record exists, but belongs to a department whose records the reader's role may not open.
 * Says so, says whom to ask, and links back to the list they may read.
 */
export const ForbiddenPage = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [params] = useSearchParams();
  const resource = params.get('resource') ?? '';
  const known = /^[a-z]+$/.test(resource);
  return (
    <Card sx={{ mt: 2, maxWidth: 640 }} data-testid="forbidden">
      <Title title="suiji.forbidden.title" />
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <LockIcon color="warning" aria-hidden />
            <Typography variant="h5" component="h2">
              {translate('suiji.forbidden.title')}
            </Typography>
          </Stack>
          <Typography>{translate('suiji.forbidden.body')}</Typography>
          {known ? (
            <Link to={createPath({ resource, type: 'list' })}>
              {translate('suiji.forbidden.back', {
                list: translate(`resources.${resource}.name`, { smart_count: 2 }),
              })}
            </Link>
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
};
