import SwapIcon from '@mui/icons-material/SwapHoriz';
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { REPLACEMENT_REASONS, type ReplacementReason } from '@suiji/domain';
import { useState } from 'react';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { SuijiDataProvider } from '../providers/dataProvider';
import type { DrawRecordFields, InspectionRecordFields } from './drawTypes';

/**
 * Replaces a member of the inspection's team while its result awaits entry. Only who leaves and why are
 * chosen; who joins is drawn by the API (spec §5a) and recorded with the draw. The draw's public record
 * states the reason by its code; a note in the coordinator's words goes to the trail only.
 */
export const ReplaceInspectorButton = ({ draw }: { draw: DrawRecordFields }) => {
  const inspection = useRecordContext<InspectionRecordFields>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const { canAccess } = useCanAccess({ action: 'replace', resource: 'draws', record: draw });
  const [open, setOpen] = useState(false);
  const [leaving, setLeaving] = useState('');
  const [reason, setReason] = useState<ReplacementReason | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!inspection || !canAccess || inspection.state !== 'PENDING_ENTRY') return null;

  const onReplace = () => {
    setBusy(true);
    setError(null);
    dataProvider
      .replaceInspector({
        inspectionId: String(inspection.id),
        inspectorId: leaving,
        reason: reason as ReplacementReason,
        note: note.trim(),
      })
      .then((updated) => {
        const team = (updated as InspectionRecordFields).team ?? [];
        const joined = team.find((m) => !inspection.teamIds.includes(m.id));
        setOpen(false);
        notify('suiji.replace.done', { type: 'success', messageArgs: { name: joined?.name ?? '' } });
        refresh();
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Button
        label="suiji.replace.button"
        onClick={(e) => {
          e.stopPropagation();
          setLeaving('');
          setReason('');
          setNote('');
          setError(null);
          setOpen(true);
        }}
      >
        <SwapIcon />
      </Button>
      <Dialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        onClick={(e) => e.stopPropagation()}
        maxWidth="sm"
        fullWidth
      >
        <DialogTitle>{translate('suiji.replace.title', { target: inspection.target.name })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography color="text.secondary">{translate('suiji.replace.help')}</Typography>
            <FormControl>
              <FormLabel id="replace-leaving">{translate('suiji.replace.leaving')}</FormLabel>
              <RadioGroup
                aria-labelledby="replace-leaving"
                value={leaving}
                onChange={(e) => setLeaving(e.target.value)}
              >
                {inspection.team.map((member) => (
                  <FormControlLabel
                    key={member.id}
                    value={member.id}
                    control={<Radio />}
                    label={member.name}
                  />
                ))}
              </RadioGroup>
            </FormControl>
            <TextField
              select
              label={translate('suiji.replace.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value as ReplacementReason)}
              slotProps={{ htmlInput: { name: 'reason' } }}
            >
              {REPLACEMENT_REASONS.map((code) => (
                <MenuItem key={code} value={code}>
                  {translate(`enums.replacementReason.${code}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={translate('suiji.replace.note')}
              placeholder={translate('suiji.replace.note_placeholder')}
              helperText={translate('suiji.replace.note_help')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              multiline
              slotProps={{ htmlInput: { maxLength: 500, name: 'note' } }}
            />
            {error ? <Alert severity="error">{error}</Alert> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <Button
            label="suiji.replace.button"
            variant="contained"
            onClick={onReplace}
            disabled={busy || !leaving || !reason}
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
