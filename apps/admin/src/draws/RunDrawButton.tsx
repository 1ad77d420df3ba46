import CasinoIcon from '@mui/icons-material/Casino';
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { formatChinaTime } from '@suiji/domain';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { SuijiDataProvider } from '../providers/dataProvider';
import type { DrawRecordFields } from './drawTypes';

/**
 * Runs a scheduled draw, once. The public entropy must be something nobody knew when the commitment was
 * published and anyone can look up afterwards, so that neither the operator nor anyone else could choose
 * the outcome: the winning numbers of a named public lottery draw held after scheduling are the usual choice.
 * Shown only to those the policy lets run this draw.
 */
export const RunDrawButton = ({ draw, taskName }: { draw: DrawRecordFields; taskName?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const { canAccess } = useCanAccess({ action: 'run', resource: 'draws', record: draw });
  const [open, setOpen] = useState(false);
  const [entropy, setEntropy] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canAccess || draw.status !== 'SCHEDULED') return null;
  const notBefore = new Date(draw.runAfter);
  const early = notBefore.getTime() > Date.now();

  const onRun = () => {
    setBusy(true);
    setError(null);
    dataProvider
      .runDraw({ drawId: String(draw.id), publicEntropy: entropy.trim() })
      .then((done) => {
        setOpen(false);
        notify('suiji.draw.drawn', {
          type: 'success',
          messageArgs: { smart_count: typeof done.selectedCount === 'number' ? done.selectedCount : 0 },
        });
        refresh();
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Button
        label="suiji.draw.run"
        variant="contained"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        <CasinoIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('suiji.draw.run_title', { task: taskName ?? '' })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography>{translate('suiji.draw.entropy_explain')}</Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('suiji.draw.commitment_published', { commitment: draw.commitment })}
            </Typography>
            <TextField
              label={translate('suiji.draw.entropy')}
              placeholder={translate('suiji.draw.entropy_placeholder')}
              value={entropy}
              onChange={(e) => setEntropy(e.target.value)}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { name: 'publicEntropy', maxLength: 1000 } }}
              helperText={translate('suiji.draw.entropy_help')}
            />
            {early ? (
              <Alert severity="warning">
                {translate('suiji.draw.not_before', {
                  time: formatChinaTime(notBefore, true),
                })}
              </Alert>
            ) : null}
            <Alert severity="info">{translate('suiji.draw.run_once')}</Alert>
            {error ? <Alert severity="error">{error}</Alert> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <Button
            label="suiji.draw.run"
            variant="contained"
            onClick={onRun}
            disabled={busy || early || entropy.trim() === ''}
            data-testid="run-confirm"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
