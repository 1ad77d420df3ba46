import { Chip, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import {
  Link,
  useCanAccess,
  useCreatePath,
  useGetManyAggregate,
  useGetRecordRepresentation,
  useResourceDefinitions,
  useTranslate,
  type RaRecord,
} from 'react-admin';

const ACTION_COLORS: Record<string, 'success' | 'info' | 'error'> = {
  create: 'success',
  update: 'info',
  delete: 'error',
};

/** What was done; an operation the dashboard has no name for shows as the API names it. */
export const ActionChip = ({ action }: { action: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={ACTION_COLORS[action] ?? 'default'}
      label={translate(`suiji.trail.actions.${action}`, { _: action })}
      data-action={action}
    />
  );
};

/** The kind of record changed, named in the current language when the dashboard knows it. */
export const EntityName = ({ entity }: { entity: string }) => {
  const translate = useTranslate();
  return <span data-entity={entity}>{translate(`suiji.trail.entities.${entity}`, { _: entity })}</span>;
};

interface UserRecord extends RaRecord {
  username: string;
  displayName: string;
}

/**
 * Who made the change: the user's name, or their id when the account is gone (the trail outlives it) or
 * the reader may not see accounts; no one is the system. The names of a page's rows come in one request.
 */
export const ActorName = ({ actorId }: { actorId: string | null }) => {
  const translate = useTranslate();
  const users = useCanAccess({ action: 'list', resource: 'users' });
  const { data, isLoading } = useGetManyAggregate<UserRecord>(
    'users',
    { ids: actorId ? [actorId] : [] },
    { enabled: actorId !== null && users.canAccess === true },
  );
  if (actorId === null)
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('suiji.trail.system')}
      </Typography>
    );
  const user = data?.find((u) => String(u.id) === actorId);
  if (user) return <span title={user.username}>{user.displayName || user.username}</span>;
  return (
    <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }}>
      {isLoading ? '…' : actorId}
    </Typography>
  );
};

/**
 * A record named by its key: its name as its resource shows it, linked to its page; its key when it is gone
 * (the trail outlives it) or the reader may not see it. The names of a page's rows come in one request per
 * resource (react-admin gathers the keys asked in the same moment).
 */
export const RecordName = ({ resource, id }: { resource: string; id: string }) => {
  const definitions = useResourceDefinitions();
  const createPath = useCreatePath();
  const represent = useGetRecordRepresentation(resource);
  const definition = definitions[resource];
  const { canAccess } = useCanAccess({ action: 'show', resource, enabled: !!definition });
  const { data, isLoading } = useGetManyAggregate<RaRecord>(
    resource,
    { ids: [id] },
    { enabled: !!definition && canAccess === true },
  );
  const record = data?.find((r) => String(r.id) === id);
  const name = record ? represent(record) : null;
  if (!definition || !record || (typeof name === 'string' && name === ''))
    return (
      <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {isLoading && definition ? '…' : id}
      </Typography>
    );
  const type = definition.hasShow ? 'show' : definition.hasEdit ? 'edit' : null;
  if (!type) return <span title={id}>{name}</span>;
  return (
    <Link to={createPath({ resource, id, type })} title={id} onClick={(e: MouseEvent) => e.stopPropagation()}>
      {name}
    </Link>
  );
};
