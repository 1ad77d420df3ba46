import { Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { formatChinaTime } from '@suiji/domain';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { DepartmentAnswer } from '../providers/dataProvider';

const COLOR = { PENDING: 'default', ACCEPTED: 'success', DECLINED: 'error' } as const;

/** A department's answer as a chip: 待确认 / 已接受 / 已拒绝. */
export const AnswerChip = ({ state }: { state: DepartmentAnswer['state'] }) => {
  const translate = useTranslate();
  return <Chip size="small" color={COLOR[state]} label={translate(`enums.acceptanceState.${state}`)} />;
};

/**
 * Each department's answer — state, who answered and when, why it declined — with the actions the
 * signed-in user may take for a row.
 */
export const AnswerTable = ({
  answers,
  actions,
}: {
  answers: readonly DepartmentAnswer[];
  actions?: (answer: DepartmentAnswer) => ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('suiji.answer.department')}</TableCell>
          <TableCell>{translate('suiji.answer.state')}</TableCell>
          <TableCell>{translate('suiji.answer.answered_by')}</TableCell>
          <TableCell>{translate('suiji.answer.answered_at')}</TableCell>
          <TableCell>{translate('suiji.answer.reason')}</TableCell>
          {actions ? <TableCell /> : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {answers.map((answer) => (
          <TableRow key={answer.departmentId} data-department={answer.departmentName}>
            <TableCell>{answer.departmentName}</TableCell>
            <TableCell>
              <AnswerChip state={answer.state} />
            </TableCell>
            <TableCell>{answer.answeredByName ?? '—'}</TableCell>
            <TableCell>{answer.answeredAt ? formatChinaTime(answer.answeredAt, true) : '—'}</TableCell>
            <TableCell>{answer.reason ?? '—'}</TableCell>
            {actions ? <TableCell align="right">{actions(answer)}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
