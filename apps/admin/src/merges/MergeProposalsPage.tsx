import CallMergeIcon from '@mui/icons-material/CallMerge';
import CheckIcon from '@mui/icons-material/Check';
import {
  Alert,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { chinaQuarter, chinaYear } from '@suiji/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Link, Title, useCreatePath, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { AnswerTable } from '../common/AnswerTable';
import { DeclineButton } from '../common/DeclineButton';
import type { DepartmentAnswer, MergeProposal, SuijiDataProvider } from '../providers/dataProvider';
import { canAccessNow } from '../providers/authProvider';

const STATE_COLOR = { SUGGESTED: 'warning', OPEN: 'info', ACCEPTED: 'success', DECLINED: 'default' } as const;

/** The signed-in user may do `action` on a merge involving these departments (the domain policy). */
const may = (action: 'create' | 'accept', departmentIds: readonly string[]) =>
  canAccessNow(action, 'merges', { departmentIds });

/** Propose a suggestion; or, on an open proposal, accept or decline for the user's own department. */
const ProposalActions = ({ proposal, onChange }: { proposal: MergeProposal; onChange: () => void }) => {
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const fail = (e: Error) => notify(e.message, { type: 'error' });
  if (proposal.state === 'SUGGESTED' && may('create', proposal.departmentIds))
    return (
      <Button
        label="suiji.merge.propose"
        variant="outlined"
        onClick={() =>
          void dataProvider
            .proposeMerge(proposal.taskIds)
            .then(() => {
              notify('suiji.merge.proposed', { type: 'success' });
              onChange();
            })
            .catch(fail)
        }
      >
        <CallMergeIcon />
      </Button>
    );
  const id = proposal.id;
  if (proposal.state !== 'OPEN' || id === null) return null;
  const mine = proposal.responses.find((r: DepartmentAnswer) => may('accept', [r.departmentId]));
  if (!mine) return null;
  const respond = (accept: boolean, reason?: string) =>
    dataProvider.respondToMergeProposal(id, accept, reason).then((answered) => {
      notify(
        answered.state === 'ACCEPTED'
          ? 'suiji.merge.merged'
          : accept
            ? 'suiji.merge.accepted'
            : 'suiji.merge.declined',
        { type: 'success' },
      );
      onChange();
    });
  return (
    <Stack direction="row" spacing={1}>
      {mine.state !== 'ACCEPTED' ? (
        <Button
          label="suiji.answer.accept"
          variant="outlined"
          color="success"
          onClick={() => void respond(true).catch(fail)}
        >
          <CheckIcon />
        </Button>
      ) : null}
      <DeclineButton
        title={translate('suiji.merge.decline_title')}
        onDecline={(reason) => respond(false, reason)}
      />
    </Stack>
  );
};

const ProposalCard = ({ proposal, onChange }: { proposal: MergeProposal; onChange: () => void }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const department = (id: string) => proposal.departments.find((d) => d.id === id)?.name ?? id;
  return (
    <Card variant="outlined" data-testid="merge-proposal" data-state={proposal.state}>
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Chip
                size="small"
                color={STATE_COLOR[proposal.state]}
                label={translate(`enums.mergeState.${proposal.state}`)}
              />
              <Typography variant="subtitle1">
                {translate('suiji.merge.saved', { smart_count: proposal.visitsSaved })}
              </Typography>
            </Stack>
            <ProposalActions proposal={proposal} onChange={onChange} />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {translate('suiji.merge.figures', {
              overlap: proposal.targetCount,
              separate: proposal.separateVisits,
              joint: proposal.jointVisits,
            })}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('suiji.merge.task')}</TableCell>
                <TableCell>{translate('resources.tasks.fields.departmentId')}</TableCell>
                <TableCell>{translate('suiji.task.window')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {proposal.tasks.map((task) => (
                <TableRow key={task.id}>
                  <TableCell>{task.name}</TableCell>
                  <TableCell>{department(task.departmentId)}</TableCell>
                  <TableCell>
                    {task.windowStart} – {task.windowEnd}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <AnswerTable answers={proposal.responses} />
          {proposal.mergedTaskId ? (
            <Link to={createPath({ resource: 'tasks', type: 'show', id: proposal.mergedTaskId })}>
              {translate('suiji.merge.open_task')}
            </Link>
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
};

const yearParam = (value: string | null) => (value && /^\d{4}$/.test(value) ? Number(value) : undefined);
const quarterParam = (value: string | null) => (value && /^[1-4]$/.test(value) ? Number(value) : undefined);

/**
 * 合并建议: tasks of different departments in one quarter whose draws would visit the same targets, with the
 * visits one joint task would save. Coordinators propose a suggestion and answer proposals; every
 * department accepting merges the tasks, one declining closes the proposal.
 */
export const MergeProposalsPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const queryClient = useQueryClient();
  // A to-do entry opens the page on its proposal's quarter (?year=&quarter=); otherwise the current one.
  const [params] = useSearchParams();
  const [year, setYear] = useState(() => yearParam(params.get('year')) ?? chinaYear());
  const [quarter, setQuarter] = useState(() => quarterParam(params.get('quarter')) ?? chinaQuarter());
  const key = ['mergeProposals', year, quarter];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => dataProvider.mergeProposals(year, quarter),
  });
  // An answer changes this quarter's proposals and the to-do list (its card and the menu's badge).
  const onChange = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: ['mergeProposalsAwaiting'] });
  };
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="suiji.merge.title" />
      <Typography color="text.secondary">{translate('suiji.merge.help')}</Typography>
      <Stack direction="row" spacing={2}>
        <TextField
          label={translate('resources.tasks.fields.year')}
          type="number"
          size="small"
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
          slotProps={{ htmlInput: { min: 2000, max: 2100, name: 'year' } }}
        />
        <TextField
          select
          label={translate('suiji.merge.quarter')}
          size="small"
          value={quarter}
          onChange={(e) => setQuarter(Number(e.target.value))}
          sx={{ minWidth: 140 }}
        >
          {[1, 2, 3, 4].map((q) => (
            <MenuItem key={q} value={q}>
              {translate('suiji.merge.quarter_n', { n: q })}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {error ? <Alert severity="error">{error.message}</Alert> : null}
      {isPending ? <Typography>…</Typography> : null}
      {data?.length === 0 ? <Alert severity="info">{translate('suiji.merge.none')}</Alert> : null}
      {data?.map((proposal) => (
        <ProposalCard
          key={proposal.id ?? proposal.taskIds.join(',')}
          proposal={proposal}
          onChange={onChange}
        />
      ))}
    </Stack>
  );
};
