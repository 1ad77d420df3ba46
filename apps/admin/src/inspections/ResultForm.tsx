import {
  Alert,
  Checkbox,
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
import { MAX_LENGTH } from '@suiji/domain';
import { useLocaleState, useTranslate } from 'react-admin';
import { followUpChoices, inspectionMethodChoices } from '../common/choices';
import type { CategoryRecordFields } from '../draws/drawTypes';
import {
  categoryName,
  groupCategories,
  itemProblemKey,
  type ItemDraft,
  type ResultDraft,
  type ResultProblems,
} from './result';

/**
 * The fields of a visit's result: its date and the methods used, then for each item it covers a category,
 * findings and follow-up. Problems show once `touched` (after the first attempt to submit).
 */
export const ResultForm = ({
  draft,
  onChange,
  problems,
  touched,
  categories,
  categoriesError,
  itemName,
  today,
}: {
  draft: ResultDraft;
  onChange: (draft: ResultDraft) => void;
  problems: ResultProblems;
  touched: boolean;
  /** The categories the task's results may take; undefined while they load. */
  categories: readonly CategoryRecordFields[] | undefined;
  categoriesError: Error | null;
  itemName: (itemId: string) => string;
  /** YYYY-MM-DD, China's: the latest date a visit can have been made. */
  today: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const shown = (key: string) => {
    const problem = touched ? problems[key] : undefined;
    return problem ? translate(problem, { max: MAX_LENGTH.text }) : undefined;
  };
  const set = (patch: Partial<ResultDraft>) => onChange({ ...draft, ...patch });
  const setItem = (itemId: string, patch: Partial<ItemDraft>) =>
    onChange({
      ...draft,
      items: draft.items.map((item) => (item.itemId === itemId ? { ...item, ...patch } : item)),
    });
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

  return (
    <>
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
        <FormLabel component="legend">{translate('resources.inspections.fields.methodsUsed')}</FormLabel>
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
    </>
  );
};
