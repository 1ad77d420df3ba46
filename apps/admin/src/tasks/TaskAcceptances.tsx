import CheckIcon from '@mui/icons-material/Check';
import { Alert, Stack, Typography } from '@mui/material';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { AnswerTable } from '../common/AnswerTable';
import { DeclineButton } from '../common/DeclineButton';
import type { DepartmentAnswer, SuijiDataProvider } from '../providers/dataProvider';

/** Accept and decline, for a coordinator of this cooperating department (the policy's 'cooperating' scope). */
const AnswerActions = ({
  taskId,
  taskName,
  answer,
}: {
  taskId: string;
  taskName: string;
  answer: DepartmentAnswer;
}) => {
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({
    action: 'accept',
    resource: 'tasks',
    record: { id: taskId, cooperatingDepartmentIds: [answer.departmentId] },
  });
  if (!canAccess) return null;
  const answerTask = (accept: boolean, reason?: string) =>
    dataProvider.answerTask(taskId, accept, reason).then(() => {
      notify(accept ? 'suiji.acceptance.accepted' : 'suiji.acceptance.declined', { type: 'success' });
      refresh();
    });
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
      {answer.state !== 'ACCEPTED' ? (
        <Button
          label="suiji.answer.accept"
          variant="outlined"
          color="success"
          onClick={() => void answerTask(true).catch((e: Error) => notify(e.message, { type: 'error' }))}
        >
          <CheckIcon />
        </Button>
      ) : null}
      {answer.state !== 'DECLINED' ? (
        <DeclineButton
          title={translate('suiji.acceptance.decline_title', { name: taskName })}
          onDecline={(reason) => answerTask(false, reason)}
        />
      ) : null}
    </Stack>
  );
};

/**
 * 联合抽查: each cooperating department's acceptance of the task. The draw can be scheduled once every
 * one has accepted (the API refuses before that).
 */
export const TaskAcceptances = () => {
  const task = useRecordContext();
  const translate = useTranslate();
  const answers = Array.isArray(task?.acceptances) ? (task.acceptances as DepartmentAnswer[]) : [];
  if (!task || answers.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ width: '100%' }} data-testid="task-acceptances">
      <Typography variant="h6">{translate('suiji.acceptance.title')}</Typography>
      <Alert severity={task.ready ? 'success' : 'info'}>
        {translate(task.ready ? 'suiji.acceptance.ready' : 'suiji.acceptance.waiting')}
      </Alert>
      <AnswerTable
        answers={answers}
        actions={(answer) => (
          <AnswerActions taskId={String(task.id)} taskName={String(task.name)} answer={answer} />
        )}
      />
    </Stack>
  );
};
