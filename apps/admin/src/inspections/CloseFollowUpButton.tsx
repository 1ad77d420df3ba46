import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { MenuItem, TextField, Typography } from '@mui/material';
import {
  MAX_LENGTH,
  chinaToday,
  closableFollowUp,
  type ClosureOutcome,
  type FollowUpToClose,
  type Locale,
} from '@suiji/domain';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { ActionDialog, useAction, useDialog } from '../common/ActionDialog';
import { TextButton } from '../common/TextButton';
import { closureOutcomeChoices } from '../common/choices';
import type { DrawRecordFields, InspectionRecordFields, ItemResultFields } from '../draws/drawTypes';
import type { CloseFollowUpInput, SuijiDataProvider } from '../providers/dataProvider';

/** The result and its visit as the domain's closure rule reads them. */
const toClose = (inspection: InspectionRecordFields, result: ItemResultFields): FollowUpToClose => ({
  state: inspection.state,
  problem: result.categoryInfo.problem,
  inspectedOn: inspection.inspectedOn ?? null,
  closedOn: result.closedOn ?? null,
});

/**
 * Whether the reader may close follow-ups of this inspection: a coordinator of its task's departments (the
 * departments of its draw), once it is published. Asked once for the inspection, not per item.
 */
export function useMayCloseFollowUps(inspection: InspectionRecordFields | undefined): boolean {
  const published = inspection?.state === 'PUBLISHED';
  const { data: draw } = useGetOne<DrawRecordFields>(
    'draws',
    { id: inspection?.drawId ?? '' },
    { enabled: published && !!inspection.drawId },
  );
  const { canAccess } = useCanAccess({
    action: 'close',
    resource: 'inspections',
    record: { id: inspection?.id ?? '', departmentIds: draw?.departmentIds ?? [] },
    enabled: published && !!draw,
  });
  return published && !!draw && !!canAccess;
}

/**
 * 完结: records how the follow-up of one item's problem ended — the day, the outcome and a note. Offered
 * where the domain's rule allows closing it; the dialog checks the same rule before asking the API.
 */
export const CloseFollowUpButton = ({
  inspection,
  result,
}: {
  inspection: InspectionRecordFields;
  result: ItemResultFields;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const [closedOn, setClosedOn] = useState('');
  const [outcome, setOutcome] = useState<ClosureOutcome>('CORRECTED');
  const [note, setNote] = useState('');
  const closing = useAction(
    (input: CloseFollowUpInput) => dataProvider.closeFollowUp(String(inspection.id), result.itemId, input),
    { success: () => ['suiji.closure.done'], onDone: () => dialog.hide() },
  );
  const dialog = useDialog(closing);
  if (closableFollowUp(toClose(inspection, result)) !== null) return null;

  const today = chinaToday();
  const problem = closableFollowUp(toClose(inspection, result), { closedOn, outcome, note });
  const message = (field: 'closedOn' | 'note') =>
    problem?.field === field ? problem.message[locale as Locale] : undefined;

  const onClose = () => closing.send({ closedOn, outcome, ...(note.trim() ? { note: note.trim() } : {}) });

  return (
    <>
      <TextButton
        label="suiji.closure.close"
        size="small"
        onClick={(e) => {
          e.stopPropagation();
          setClosedOn(today);
          setOutcome('CORRECTED');
          setNote('');
          dialog.show();
        }}
        data-testid="close-follow-up"
        icon={<TaskAltIcon />}
      />
      <ActionDialog
        open={dialog.open}
        onClose={dialog.hide}
        title={translate('suiji.closure.title', { item: result.item.name })}
        pending={closing.pending}
        error={closing.error}
        actions={
          <TextButton
            label="suiji.closure.submit"
            variant="contained"
            onClick={onClose}
            disabled={closing.pending || problem !== null}
            data-testid="close-follow-up-submit"
          />
        }
      >
        <Typography variant="body2" color="text.secondary">
          {translate('suiji.closure.help', { target: inspection.target.name })}
        </Typography>
        <TextField
          type="date"
          label={translate('suiji.closure.closedOn')}
          value={closedOn}
          onChange={(e) => setClosedOn(e.target.value)}
          error={!!message('closedOn')}
          helperText={message('closedOn')}
          required
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { name: 'closedOn', min: inspection.inspectedOn ?? undefined, max: today },
          }}
        />
        <TextField
          select
          label={translate('suiji.closure.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as ClosureOutcome)}
          required
          slotProps={{ htmlInput: { name: 'outcome' } }}
        >
          {closureOutcomeChoices.map((choice) => (
            <MenuItem key={choice.id} value={choice.id}>
              {translate(choice.name)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={translate('suiji.closure.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          multiline
          minRows={2}
          error={!!message('note')}
          helperText={message('note') ?? translate('suiji.closure.note_help')}
          slotProps={{ htmlInput: { name: 'note', maxLength: MAX_LENGTH.text } }}
        />
      </ActionDialog>
    </>
  );
};
