import CloseIcon from '@mui/icons-material/Close';
import { TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { ANSWER_REASON_MAX, answerReasonProblem } from '@suiji/domain';
import { ActionDialog, useAction, useDialog } from './ActionDialog';
import { TextButton } from './TextButton';

/**
 * Declines something a department is asked to take part in (a joint task, a merge), asking why: the API
 * refuses a decline without a reason.
 */
export const DeclineButton = ({
  title,
  onDecline,
}: {
  title: string;
  onDecline: (reason: string) => Promise<unknown>;
}) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const decline = useAction(onDecline, { onDone: () => dialog.hide() });
  const dialog = useDialog(decline);
  return (
    <>
      <Button
        label="suiji.answer.decline"
        color="error"
        onClick={() => {
          setReason('');
          dialog.show();
        }}
      >
        <CloseIcon />
      </Button>
      <ActionDialog
        open={dialog.open}
        onClose={dialog.hide}
        title={title}
        pending={decline.pending}
        error={decline.error}
        actions={
          <TextButton
            label="suiji.answer.decline"
            variant="contained"
            color="error"
            onClick={() => decline.send(reason.trim())}
            disabled={decline.pending || answerReasonProblem(false, reason) !== null}
            data-testid="decline-confirm"
          />
        }
      >
        <TextField
          label={translate('suiji.answer.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          helperText={translate('suiji.answer.reason_help')}
          multiline
          minRows={2}
          required
          slotProps={{ htmlInput: { maxLength: ANSWER_REASON_MAX, name: 'reason' } }}
        />
      </ActionDialog>
    </>
  );
};
