import EditNoteIcon from '@mui/icons-material/EditNote';
import {
  Alert,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  ListSubheader,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { MAX_LENGTH, chinaToday } from '@suiji/domain';
import { useState } from 'react';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useGetList,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { followUpChoices, inspectionMethodChoices } from '../common/choices';
import type { CategoryRecordFields, InspectionRecordFields } from '../draws/drawTypes';
import type { SuijiDataProvider } from '../providers/dataProvider';
import {
  ENTERABLE_STATES,
  categoryName,
  draftOf,
  groupCategories,
  itemProblemKey,
  resultProblems,
  toResultInput,
  type ItemDraft,
  type ResultDraft,
} from './result';

/** More categories than any task has: the standard ten and its departments' own. */
const CATEGORIES_PER_PAGE = 500;

/**
 * Enters (or, after a rejection, corrects) the result of an inspection: once for the visit (its date and
 * the methods used) and, for each item it covers, a category, findings and follow-up. The categories offered
 * are those the task's results may take: the standard ones and its departments' own. Shown to the members
 * of its team while the result awaits entry or was sent back; once entered it awaits review.
 */
export const EnterResultButton = () => {
  const inspection = useRecordContext<InspectionRecordFields>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
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
  const { data: categories, error: categoriesError } = useGetList<CategoryRecordFields>(
    'categories',
    {
      filter: { taskId: inspection?.taskId },
      pagination: { page: 1, perPage: CATEGORIES_PER_PAGE },
      sort: { field: 'createdAt', order: 'ASC' },
    },
    { enabled: open && !!inspection?.taskId },
  );
  if (!inspection || !canAccess || !ENTERABLE_STATES.includes(inspection.state)) return null;

  const today = chinaToday();
  const problems = draft ? resultProblems(draft, today) : {};
  const shown = (key: string) => {
    const problem = touched ? problems[key] : undefined;
    return problem ? translate(problem, { max: MAX_LENGTH.text }) : undefined;
  };
  const set = (patch: Partial<ResultDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const setItem = (itemId: string, patch: Partial<ItemDraft>) =>
    setDraft((d) =>
      d ? { ...d, items: d.items.map((item) => (item.itemId === itemId ? { ...item, ...patch } : item)) } : d,
    );
  const itemName = (itemId: string) => inspection.items.find((item) => item.id === itemId)?.name ?? itemId;
  const { standard, own } = groupCategories(categories ?? []);
  // MUI's select takes its options as direct children, so the group headers are too.
  const categoryOptions = [
    <ListSubheader key="standard">{translate('suiji.category.standard_group')}</ListSubheader>,
    ...standard.map((c) => (
      <MenuItem key={c.id} value={c.code}>
        {categoryName(c, locale)}
      </MenuItem>
    )),
    ...(own.length > 0
      ? [<ListSubheader key="own">{translate('suiji.category.own_group')}</ListSubheader>]
      : []),
    ...own.map((c) => (
      <MenuItem key={c.id} value={c.code}>
        {categoryName(c, locale)}
      </MenuItem>
    )),
  ];

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
        maxWidth="md"
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
              <Typography variant="subtitle1">{translate('suiji.result.visit')}</Typography>
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
              {categoriesError ? <Alert severity="error">{categoriesError.message}</Alert> : null}
              {draft.items.map((item, index) => (
                <Stack
                  key={item.itemId}
                  spacing={2}
                  data-testid="item-result-entry"
                  data-item={itemName(item.itemId)}
                >
                  <Divider />
                  <Typography variant="subtitle1">
                    {translate('suiji.result.item_heading', {
                      n: index + 1,
                      total: draft.items.length,
                      item: itemName(item.itemId),
                    })}
                  </Typography>
                  <TextField
                    select
                    label={translate('resources.inspections.fields.category')}
                    value={categories ? item.category : ''}
                    onChange={(e) => setItem(item.itemId, { category: e.target.value })}
                    error={!!shown(itemProblemKey(item.itemId, 'category'))}
                    helperText={shown(itemProblemKey(item.itemId, 'category'))}
                    required
                    slotProps={{ htmlInput: { name: `items.${index}.category` } }}
                  >
                    {categoryOptions}
                  </TextField>
                  <TextField
                    label={translate('resources.inspections.fields.findings')}
                    placeholder={translate('suiji.result.findings_placeholder')}
                    value={item.findings}
                    onChange={(e) => setItem(item.itemId, { findings: e.target.value })}
                    error={!!shown(itemProblemKey(item.itemId, 'findings'))}
                    helperText={shown(itemProblemKey(item.itemId, 'findings'))}
                    multiline
                    minRows={2}
                    slotProps={{ htmlInput: { name: `items.${index}.findings`, maxLength: MAX_LENGTH.text } }}
                  />
                  <TextField
                    select
                    label={translate('resources.inspections.fields.followUp')}
                    value={item.followUp}
                    onChange={(e) => setItem(item.itemId, { followUp: e.target.value })}
                    slotProps={{ htmlInput: { name: `items.${index}.followUp` } }}
                  >
                    {followUpChoices.map((c) => (
                      <MenuItem key={c.id} value={c.id}>
                        {translate(c.name)}
                      </MenuItem>
                    ))}
                  </TextField>
                </Stack>
              ))}
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
