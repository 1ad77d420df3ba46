import {
  Card,
  CardContent,
  Chip,
  Grid,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { CERTIFICATE_WARNING_DAYS, formatChinaTime } from '@suiji/domain';
import { Suspense, lazy } from 'react';
import { Link, useTranslate, type RaRecord } from 'react-admin';
import { drawNumber } from '../draws/drawTypes';
import { TODO_SHOWN, mergesPath, todoListPath, useTodo, useTodoLists, type TodoList } from './todo';

// The Chinese calendar (holidays, 调休) the days left are counted on comes after the list, not before it.
const DaysLeft = lazy(() => import('./DaysLeft').then((module) => ({ default: module.DaysLeft })));

/** One entry: what it is, and the day it is due by. */
function describe(
  list: TodoList,
  record: RaRecord,
  translate: ReturnType<typeof useTranslate>,
): { primary: string; secondary: string; due?: string | null; path: string } {
  const path = `/${list.resource}/${String(record.id)}/show`;
  switch (list.resource) {
    case 'inspections':
      return {
        primary: String((record.target as { name?: string } | undefined)?.name ?? record.id),
        secondary: translate(`enums.resultState.${String(record.state)}`),
        due: record.publicationDeadline as string | null,
        path,
      };
    case 'draws':
      return {
        primary: drawNumber(record),
        secondary: `${translate('resources.draws.fields.runAfter')}${translate('suiji.colon')}${formatChinaTime(String(record.runAfter), true)}`,
        path,
      };
    case 'tasks':
      return {
        primary: String(record.name),
        secondary: `${String(record.windowStart)} – ${String(record.windowEnd)}`,
        path,
      };
    case 'inspectors':
      return list.key === 'certificates'
        ? {
            primary: String(record.name),
            secondary: `${translate('resources.inspectors.fields.certificateValidUntil')}${translate('suiji.colon')}${String(record.certificateValidUntil)}`,
            due: record.certificateValidUntil as string,
            path,
          }
        : {
            primary: String(record.name),
            secondary: translate('suiji.todo.without_account_hint'),
            path: `/inspectors/${String(record.id)}`,
          };
    case 'merges':
      return {
        primary: translate('suiji.todo.merge_entry', {
          year: Number(record.year),
          quarter: Number(record.quarter),
        }),
        secondary: translate('suiji.todo.merge_saves', { smart_count: Number(record.visitsSaved) }),
        path: mergesPath(Number(record.year), Number(record.quarter)),
      };
  }
}

const TodoCard = ({ list, departmentId }: { list: TodoList; departmentId: string | undefined }) => {
  const translate = useTranslate();
  const { data, total, isPending, error } = useTodo(list, departmentId);
  const count = total ?? 0;
  return (
    <Grid size={{ xs: 12, md: 6 }}>
      <Card data-testid={`todo-${list.key}`} sx={{ height: '100%' }}>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="h6" component="h3">
              {translate(`suiji.todo.${list.key}`, { n: CERTIFICATE_WARNING_DAYS })}
            </Typography>
            <Chip
              size="small"
              color={count > 0 ? 'primary' : 'default'}
              label={isPending ? '…' : count}
              // No colour transition when the count arrives: the chip is read at once at its final contrast.
              sx={{ transition: 'none' }}
              data-testid="todo-count"
            />
          </Stack>
          {error ? <Typography color="error">{error.message}</Typography> : null}
          {!isPending && count === 0 ? (
            <Typography color="text.secondary">{translate('suiji.todo.none')}</Typography>
          ) : null}
          <List dense disablePadding>
            {(data ?? []).map((record) => {
              const entry = describe(list, record, translate);
              return (
                <ListItem
                  key={String(record.id)}
                  disableGutters
                  secondaryAction={
                    <Suspense fallback={null}>
                      <DaysLeft day={entry.due} />
                    </Suspense>
                  }
                  data-testid="todo-entry"
                >
                  <ListItemText
                    primary={<Link to={entry.path}>{entry.primary}</Link>}
                    secondary={entry.secondary}
                    sx={{ pr: 12 }}
                  />
                </ListItem>
              );
            })}
          </List>
          {count > TODO_SHOWN ? (
            <Typography sx={{ mt: 1 }}>
              <Link to={todoListPath(list, departmentId)} data-testid="todo-all">
                {translate('suiji.todo.all', { smart_count: count })}
              </Link>
            </Typography>
          ) : null}
        </CardContent>
      </Card>
    </Grid>
  );
};

/** 待办 on the home page: each of the role's lists, nearest deadline first, each entry opening its record. */
export const TodoPanel = () => {
  const translate = useTranslate();
  const { lists, departmentId } = useTodoLists();
  if (lists.length === 0) return null;
  return (
    <Stack spacing={1} component="section" aria-labelledby="todo-title">
      <Typography variant="h5" component="h2" id="todo-title">
        {translate('suiji.todo.title')}
      </Typography>
      <Grid container spacing={2}>
        {lists.map((list) => (
          <TodoCard key={list.key} list={list} departmentId={departmentId} />
        ))}
      </Grid>
    </Stack>
  );
};
