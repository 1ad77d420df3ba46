import CloseIcon from '@mui/icons-material/Close';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';

/** The longest reason the API takes. */
const MAX_REASON = 500;

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
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    setBusy(true);
    setError(null);
    onDecline(reason.trim())
      .then(() => setOpen(false))
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Button
        label="suiji.answer.decline"
        color="error"
        onClick={() => {
          setReason('');
          setError(null);
          setOpen(true);
        }}
      >
        <CloseIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={translate('suiji.answer.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              helperText={translate('suiji.answer.reason_help')}
              multiline
              minRows={2}
              required
              slotProps={{ htmlInput: { maxLength: MAX_REASON, name: 'reason' } }}
            />
            {error ? <Alert severity="error">{error}</Alert> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <Button
            label="suiji.answer.decline"
            variant="contained"
            color="error"
            onClick={submit}
            disabled={busy || !reason.trim()}
            data-testid="decline-confirm"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
