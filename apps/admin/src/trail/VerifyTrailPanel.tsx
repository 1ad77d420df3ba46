import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import type { SuijiDataProvider, TrailVerification } from '../providers/dataProvider';

type Outcome = TrailVerification | { error: string };

const OutcomeAlert = ({ outcome }: { outcome: Outcome }) => {
  const translate = useTranslate();
  if ('error' in outcome)
    return (
      <Alert severity="error" data-testid="trail-verify-result" data-ok="false">
        {translate('suiji.trail.verify_error', { message: translate(outcome.error, { _: outcome.error }) })}
      </Alert>
    );
  if (outcome.ok)
    return (
      <Alert
        severity="success"
        data-testid="trail-verify-result"
        data-ok="true"
        data-checked={outcome.checked}
      >
        {translate('suiji.trail.intact', { smart_count: outcome.checked })}
      </Alert>
    );
  return (
    <Alert
      severity="error"
      data-testid="trail-verify-result"
      data-ok="false"
      data-broken-seq={outcome.brokenSeq ?? ''}
    >
      {translate('suiji.trail.broken', {
        seq: outcome.brokenSeq ?? '?',
        problem: outcome.problem ?? '',
        checked: outcome.checked,
      })}
    </Alert>
  );
};

/**
 * 校验留痕链: the server recomputes every entry's hash and link (`verifyTrail`) and names the first entry
 * that does not hold, from which on the trail can no longer be trusted.
 */
export const VerifyTrailPanel = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const onVerify = () => {
    setBusy(true);
    setOutcome(null);
    dataProvider
      .verifyTrail()
      .then(setOutcome)
      .catch((e: Error) => setOutcome({ error: e.message }))
      .finally(() => setBusy(false));
  };

  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary">
        {translate('suiji.trail.verify_help')}
      </Typography>
      <Box>
        <Button
          label={busy ? 'suiji.trail.verifying' : 'suiji.trail.verify'}
          variant="outlined"
          onClick={onVerify}
          disabled={busy}
          data-testid="trail-verify"
        >
          <VerifiedIcon />
        </Button>
      </Box>
      {outcome ? <OutcomeAlert outcome={outcome} /> : null}
    </Stack>
  );
};
