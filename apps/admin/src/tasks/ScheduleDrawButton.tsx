import EventIcon from '@mui/icons-material/Event';
import { Stack, TextField, Typography } from '@mui/material';
import {
  RISK_CLASSES,
  chinaDateTime,
  defaultRatios,
  formatRatioBp,
  fromChinaDateTime,
  ratioFloor,
  ratioItemsOf,
} from '@suiji/domain';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate, type RaRecord } from 'react-admin';
import { ActionDialog, useAction, useDialog } from '../common/ActionDialog';
import { TextButton } from '../common/TextButton';
import { bpToPercentText, percentToBp } from '../common/validators';
import {
  EntropySourceFields,
  checkDraft,
  emptyEntropyDraft,
  type EntropyDraft,
} from '../draws/EntropySourceFields';
import type { ScheduleDrawInput, SuijiDataProvider } from '../providers/dataProvider';

/**
 * Schedules the draw of a task, one for all its items (进一次门、查多项事): the public entropy source it will
 * run with, the ratio per credit-risk class (by default the highest of the items' ratios, never below the
 * highest item minimum), the earliest time it may run and, optionally, the expertise inspectors must have.
 * Scheduling freezes the pool and publishes the commitment with the declared source.
 */
export const ScheduleDrawButton = ({ task }: { task: RaRecord }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const items = ratioItemsOf(task.items);
  const floor = ratioFloor(items);
  const minRatioBp = floor.ratioBp;
  const defaults = () => {
    const ratios = defaultRatios(items);
    return Object.fromEntries(RISK_CLASSES.map((c) => [c, bpToPercentText(ratios[c])]));
  };
  const [ratios, setRatios] = useState<Record<string, string>>(defaults);
  const [runAfter, setRunAfter] = useState('');
  const [expertise, setExpertise] = useState('');
  const [entropy, setEntropy] = useState<EntropyDraft>(emptyEntropyDraft);
  const [tried, setTried] = useState(false);
  const schedule = useAction((input: ScheduleDrawInput) => dataProvider.scheduleDraw(input), {
    success: () => ['suiji.draw.scheduled'],
    onDone: () => dialog.hide(),
  });
  const dialog = useDialog(schedule);

  const low = RISK_CLASSES.filter((c) => {
    const bp = percentToBp(ratios[c]);
    return bp === null || bp < minRatioBp || bp > 10_000;
  });

  const onOpen = () => {
    setRatios(defaults());
    setRunAfter('');
    setExpertise('');
    setEntropy(emptyEntropyDraft());
    setTried(false);
    dialog.show();
  };

  const onSubmit = () => {
    setTried(true);
    const declared = checkDraft(entropy);
    if (!declared.ok) return;
    schedule.send({
      taskId: String(task.id),
      entropy: {
        source: declared.value.source,
        issue: declared.value.issue,
        ...(declared.value.source === 'DRAND'
          ? {}
          : { publishedAt: declared.value.publishedAt.toISOString() }),
      },
      ratios: RISK_CLASSES.map((riskClass) => ({
        riskClass,
        ratioBp: percentToBp(ratios[riskClass]) ?? 0,
      })),
      ...(runAfter ? { runAfter: fromChinaDateTime(runAfter).toISOString() } : {}),
      ...(expertise.trim() ? { expertise: expertise.trim() } : {}),
    });
  };

  return (
    <>
      <Button label="suiji.draw.schedule" onClick={onOpen} variant="outlined">
        <EventIcon />
      </Button>
      <ActionDialog
        open={dialog.open}
        onClose={dialog.hide}
        title={translate('suiji.draw.schedule_title', { task: String(task.name) })}
        pending={schedule.pending}
        error={schedule.error}
        actions={
          <TextButton
            label="suiji.draw.schedule"
            variant="contained"
            onClick={onSubmit}
            disabled={schedule.pending || low.length > 0}
            data-testid="schedule-confirm"
          />
        }
      >
        <Typography color="text.secondary">{translate('suiji.draw.schedule_help')}</Typography>
        <Typography data-testid="schedule-items">
          {translate('suiji.draw.covers', { items: items.map((i) => i.name).join('、') })}
        </Typography>
        <Typography variant="subtitle2">
          {translate('suiji.draw.ratios', { ratio: formatRatioBp(minRatioBp), item: floor.item ?? '' })}
        </Typography>
        <Stack direction="row" spacing={1}>
          {RISK_CLASSES.map((riskClass) => (
            <TextField
              key={riskClass}
              label={translate(`enums.riskClass.${riskClass}`)}
              type="number"
              size="small"
              value={ratios[riskClass] ?? ''}
              error={low.includes(riskClass)}
              onChange={(e) => setRatios({ ...ratios, [riskClass]: e.target.value })}
              slotProps={{
                htmlInput: { min: minRatioBp / 100, max: 100, step: 'any', name: `ratio-${riskClass}` },
              }}
            />
          ))}
        </Stack>
        <EntropySourceFields draft={entropy} onChange={setEntropy} showError={tried} />
        <TextField
          label={translate('suiji.draw.run_after')}
          type="datetime-local"
          value={runAfter}
          onChange={(e) => setRunAfter(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: chinaDateTime(new Date()) } }}
          helperText={translate('suiji.draw.run_after_help')}
        />
        <TextField
          label={translate('suiji.draw.expertise')}
          value={expertise}
          onChange={(e) => setExpertise(e.target.value)}
          helperText={translate('suiji.draw.expertise_help')}
        />
      </ActionDialog>
    </>
  );
};
