import CasinoIcon from '@mui/icons-material/Casino';
import { Alert, TextField, Typography } from '@mui/material';
import { ENTROPY_RULES, canonicalEntropy, entropyFormat, formatChinaTime, type Locale } from '@suiji/domain';
import { useEffect, useState } from 'react';
import { Button, useCanAccess, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { ActionDialog, useAction, useDialog } from '../common/ActionDialog';
import { TextButton } from '../common/TextButton';
import type { SuijiDataProvider } from '../providers/dataProvider';
import type { DrawRecordFields } from './drawTypes';

/** An example outcome of each source, for the placeholder. */
const EXAMPLES = {
  SSQ: '03 11 17 22 28 31 + 09',
  DLT: '05 12 19 27 33 + 02 11',
  FC3D: '3 8 1',
  DRAND: 'a3f1…（64 位）',
} as const;

/** Re-renders once `at` has passed, so that a button waiting for a time enables itself. */
function useNowPast(at: number): boolean {
  const [now, setNow] = useState(() => Date.now());
  const past = now >= at;
  useEffect(() => {
    if (past) return undefined;
    // setTimeout waits at most 2^31 − 1 ms (about 24 days): a later time is waited for in steps.
    const timer = setTimeout(() => setNow(Date.now()), Math.min(at - now + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [at, now, past]);
  return past;
}

/**
 * Runs a scheduled draw, once, with the outcome of the public entropy source declared when it was
 * scheduled, in that source's format: the dialog shows the format, checks what is typed with the domain's
 * rule and shows the canonical text the record will hold. It enables itself when the run time comes.
 * Shown only to those the policy lets run this draw.
 */
export const RunDrawButton = ({ draw, taskName }: { draw: DrawRecordFields; taskName?: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const { canAccess } = useCanAccess({ action: 'run', resource: 'draws', record: draw });
  const [entropy, setEntropy] = useState('');
  // What is wrong with the entropy typed, found before asking the API.
  const [problem, setProblem] = useState<string | null>(null);
  const run = useAction(
    (publicEntropy: string) => dataProvider.runDraw({ drawId: String(draw.id), publicEntropy }),
    {
      success: (done) => ['suiji.draw.drawn', { smart_count: done.selectedCount ?? 0 }],
      onDone: () => dialog.hide(),
    },
  );
  const dialog = useDialog(run);
  const [locale] = useLocaleState();
  const language: Locale = locale === 'en' ? 'en' : 'zh-CN';
  const notBefore = new Date(draw.runAfter);
  const early = !useNowPast(notBefore.getTime());
  if (!canAccess || draw.status !== 'SCHEDULED') return null;
  const source = draw.entropySource;
  const issue = draw.entropyIssue ?? '';
  // A draw scheduled before sources were declared takes any text, but not none.
  const checked =
    source != null
      ? canonicalEntropy(source, issue, entropy)
      : entropy.trim()
        ? ({ ok: true, value: entropy.trim() } as const)
        : ({
            ok: false,
            message: {
              en: translate('suiji.draw.entropy_legacy'),
              'zh-CN': translate('suiji.draw.entropy_legacy'),
            },
          } as const);

  const onRun = () => {
    if (checked.ok) run.send(checked.value);
    else setProblem(checked.message[language]);
  };

  return (
    <>
      <Button
        label="suiji.draw.run"
        variant="contained"
        onClick={() => {
          setProblem(null);
          dialog.show();
        }}
      >
        <CasinoIcon />
      </Button>
      <ActionDialog
        open={dialog.open}
        onClose={dialog.hide}
        title={translate('suiji.draw.run_title', { task: taskName ?? '' })}
        pending={run.pending}
        error={problem ?? run.error}
        actions={
          <TextButton
            label="suiji.draw.run"
            variant="contained"
            onClick={onRun}
            disabled={run.pending || early}
            data-testid="run-confirm"
          />
        }
      >
        <Typography>
          {source != null
            ? translate('suiji.draw.entropy_explain', { format: entropyFormat(source, language) })
            : translate('suiji.draw.entropy_legacy')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('suiji.draw.commitment_published', { commitment: draw.commitment })}
        </Typography>
        <TextField
          label={
            source != null
              ? translate('suiji.draw.entropy', {
                  source: translate(`enums.entropySource.${source}`),
                  issue,
                })
              : translate('resources.draws.fields.publicEntropy')
          }
          placeholder={
            source != null
              ? translate('suiji.draw.entropy_placeholder', { example: EXAMPLES[source] })
              : undefined
          }
          value={entropy}
          onChange={(e) => {
            setEntropy(e.target.value);
            setProblem(null);
          }}
          multiline
          minRows={2}
          error={entropy.trim() !== '' && !checked.ok}
          slotProps={{
            htmlInput: {
              name: 'publicEntropy',
              maxLength: 1000,
              inputMode: source && ENTROPY_RULES[source].groups ? 'numeric' : 'text',
            },
          }}
          helperText={
            checked.ok
              ? translate('suiji.draw.entropy_help', { canonical: checked.value })
              : entropy.trim() !== ''
                ? checked.message[language]
                : source != null
                  ? entropyFormat(source, language)
                  : ' '
          }
        />
        {early ? (
          <Alert severity="warning">
            {translate('suiji.draw.not_before', {
              time: formatChinaTime(notBefore, true),
            })}
          </Alert>
        ) : null}
        <Alert severity="info">{translate('suiji.draw.run_once')}</Alert>
      </ActionDialog>
    </>
  );
};
