import SwapIcon from '@mui/icons-material/SwapHoriz';
import {
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { REPLACEMENT_REASONS, type ReplacementReason } from '@suiji/domain';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, useAction, useDialog } from '../common/ActionDialog';
import { TextButton } from '../common/TextButton';
import type { ReplaceInspectorInput, SuijiDataProvider } from '../providers/dataProvider';
import type { DrawRecordFields, InspectionRecordFields } from './drawTypes';

/**
 * Replaces a member of the inspection's team while its result awaits entry. Only who leaves and why are
 * chosen; who joins is drawn by the API (spec §5a) and recorded with the draw. The draw's public record
 * states the reason by its code; a note in the coordinator's words goes to the trail only.
 */
export const ReplaceInspectorButton = ({ draw }: { draw: DrawRecordFields }) => {
  const inspection = useRecordContext<InspectionRecordFields>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const { canAccess } = useCanAccess({ action: 'replace', resource: 'draws', record: draw });
  const [leaving, setLeaving] = useState('');
  const [reason, setReason] = useState<ReplacementReason | ''>('');
  const [note, setNote] = useState('');
  const replace = useAction((input: ReplaceInspectorInput) => dataProvider.replaceInspector(input), {
    // Who joins is drawn by the API: named from the team it answers with.
    success: (updated) => [
      'suiji.replace.done',
      { name: updated.team.find((m) => !inspection?.teamIds.includes(m.id))?.name ?? '' },
    ],
    onDone: () => dialog.hide(),
  });
  const dialog = useDialog(replace);
  if (!inspection || !canAccess || inspection.state !== 'PENDING_ENTRY') return null;

  return (
    <>
      <Button
        label="suiji.replace.button"
        onClick={(e) => {
          e.stopPropagation();
          setLeaving('');
          setReason('');
          setNote('');
          dialog.show();
        }}
      >
        <SwapIcon />
      </Button>
      <ActionDialog
        open={dialog.open}
        onClose={dialog.hide}
        title={translate('suiji.replace.title', { target: inspection.target.name })}
        pending={replace.pending}
        error={replace.error}
        actions={
          <TextButton
            label="suiji.replace.button"
            variant="contained"
            onClick={() => {
              if (reason)
                replace.send({
                  inspectionId: String(inspection.id),
                  inspectorId: leaving,
                  reason,
                  note: note.trim(),
                });
            }}
            disabled={replace.pending || !leaving || !reason}
          />
        }
      >
        <Typography color="text.secondary">{translate('suiji.replace.help')}</Typography>
        <FormControl>
          <FormLabel id="replace-leaving">{translate('suiji.replace.leaving')}</FormLabel>
          <RadioGroup
            aria-labelledby="replace-leaving"
            value={leaving}
            onChange={(e) => setLeaving(e.target.value)}
          >
            {inspection.team.map((member) => (
              <FormControlLabel key={member.id} value={member.id} control={<Radio />} label={member.name} />
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
      </ActionDialog>
    </>
  );
};
