import EditNoteIcon from '@mui/icons-material/EditNote';
import {
  Alert,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { MAX_LENGTH } from '@suiji/domain';
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
import { followUpChoices, inspectionMethodChoices, resultCategoryChoices } from '../common/choices';
import type { InspectionRecordFields } from '../draws/drawTypes';
import type { SuijiDataProvider } from '../providers/dataProvider';
import {
  ENTERABLE_STATES,
  draftOf,
  localToday,
  resultProblems,
  toResultInput,
  type ResultDraft,
} from './result';

/**
 * Enters (or, after a rejection, corrects) the result of an inspection. Shown to the members of its team
 * while the result awaits entry or was sent back; once entered it awaits review.
 */
export const EnterResultButton = () => {
  const inspection = useRecordContext<InspectionRecordFields>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const { canAccess } = useCanAccess({
    action: 'enter',
    resource: 'inspections',
    record: inspection,
    enabled: !!inspection,
  });
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ResultDraft | null>(null);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!inspection || !canAccess || !ENTERABLE_STATES.includes(inspection.state)) return null;

  const today = localToday();
  const problems = draft ? resultProblems(draft, today) : {};
  const shown = (field: keyof ResultDraft) => {
    const key = touched ? problems[field] : undefined;
    return key ? translate(key, { max: MAX_LENGTH.text }) : undefined;
  };
  const set = (patch: Partial<ResultDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const onSave = () => {
    setTouched(true);
    if (!draft || Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    dataProvider
      .enterResult(toResultInput(String(inspection.id), draft))
      .then(() => {
        setOpen(false);
        notify('suiji.result.entered', { type: 'success' });
        refresh();
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Button
        label="suiji.result.enter"
        variant="contained"
        onClick={(e) => {
          e.stopPropagation();
          setDraft(draftOf(inspection, today));
          setTouched(false);
          setError(null);
          setOpen(true);
        }}
        data-testid="enter-result"
      >
        <EditNoteIcon />
      </Button>
      <Dialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        onClick={(e) => e.stopPropagation()}
        maxWidth="sm"
        fullWidth
      >
        <DialogTitle>{translate('suiji.result.enter_title', { target: inspection.target.name })}</DialogTitle>
        <DialogContent>
          {draft ? (
            <Stack spacing={2} sx={{ pt: 1 }}>
              {inspection.state === 'REJECTED' && inspection.reviewComment ? (
                <Alert severity="warning">
                  {translate('suiji.result.rejected_because', { comment: inspection.reviewComment })}
                </Alert>
              ) : null}
              <TextField
                select
                label={translate('resources.inspections.fields.resultCategory')}
                value={draft.category}
                onChange={(e) => set({ category: e.target.value })}
                error={!!shown('category')}
                helperText={shown('category')}
                required
                slotProps={{ htmlInput: { name: 'category' } }}
              >
                {resultCategoryChoices.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {translate(c.name)}
                  </MenuItem>
                ))}
              </TextField>
              <FormControl error={!!shown('methodsUsed')} required component="fieldset">
                <FormLabel component="legend">
                  {translate('resources.inspections.fields.methodsUsed')}
                </FormLabel>
                <FormGroup row>
                  {inspectionMethodChoices.map((c) => (
                    <FormControlLabel
                      key={c.id}
                      label={translate(c.name)}
                      control={
                        <Checkbox
                          name="methodsUsed"
                          value={c.id}
                          checked={draft.methodsUsed.includes(c.id)}
                          onChange={(e) =>
                            set({
                              methodsUsed: e.target.checked
                                ? [...draft.methodsUsed, c.id]
                                : draft.methodsUsed.filter((m) => m !== c.id),
                            })
                          }
                        />
                      }
                    />
                  ))}
                </FormGroup>
                {shown('methodsUsed') ? <FormHelperText>{shown('methodsUsed')}</FormHelperText> : null}
              </FormControl>
              <TextField
                type="date"
                label={translate('resources.inspections.fields.inspectedOn')}
                value={draft.inspectedOn}
                onChange={(e) => set({ inspectedOn: e.target.value })}
                error={!!shown('inspectedOn')}
                helperText={shown('inspectedOn')}
                required
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: 'inspectedOn', max: today } }}
              />
              <TextField
                label={translate('resources.inspections.fields.findings')}
                placeholder={translate('suiji.result.findings_placeholder')}
                value={draft.findings}
                onChange={(e) => set({ findings: e.target.value })}
                error={!!shown('findings')}
                helperText={shown('findings')}
                multiline
                minRows={3}
                slotProps={{ htmlInput: { name: 'findings', maxLength: MAX_LENGTH.text } }}
              />
              <TextField
                select
                label={translate('resources.inspections.fields.followUp')}
                value={draft.followUp}
                onChange={(e) => set({ followUp: e.target.value })}
                slotProps={{ htmlInput: { name: 'followUp' } }}
              >
                {followUpChoices.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {translate(c.name)}
                  </MenuItem>
                ))}
              </TextField>
              <Alert severity="info">{translate('suiji.result.enter_help')}</Alert>
              {error ? <Alert severity="error">{error}</Alert> : null}
            </Stack>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <Button
            label="suiji.result.submit"
            variant="contained"
            onClick={onSave}
            disabled={busy}
            data-testid="enter-result-confirm"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
