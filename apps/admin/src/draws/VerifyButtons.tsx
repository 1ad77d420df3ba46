import ComputerIcon from '@mui/icons-material/Computer';
import DnsIcon from '@mui/icons-material/Dns';
import { Alert, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import type { SuijiDataProvider } from '../providers/dataProvider';
import type { PublishedDrawFields } from './drawTypes';
import { fetchAndVerify, type BrowserVerification } from './verifyInBrowser';

type Outcome = BrowserVerification | { ok: false; error: string };

const OutcomeAlert = ({ outcome, testId }: { outcome: Outcome; testId: string }) => {
  const translate = useTranslate();
  if (outcome.ok)
    return (
      <Alert severity="success" data-testid={testId} data-ok="true">
        {translate('suiji.verify.ok')}
      </Alert>
    );
  return (
    <Alert severity="error" data-testid={testId} data-ok="false">
      {'field' in outcome
        ? translate('suiji.verify.mismatch', { field: outcome.field })
        : translate('suiji.verify.error', { message: outcome.error })}
    </Alert>
  );
};

/**
 * Two ways to check a drawn record: ask the server to recompute it (`verifyDraw`), or download it and recompute
 * it here, in this browser, with the domain's own SHA-256: trusting nothing but the published data.
 */
export const VerifyButtons = ({ draw }: { draw: PublishedDrawFields }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const [server, setServer] = useState<Outcome | null>(null);
  const [browser, setBrowser] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<'server' | 'browser' | null>(null);
  if (draw.status !== 'DRAWN' || !draw.recordUrl) return null;
  const recordUrl = draw.recordUrl;

  const onServer = () => {
    setBusy('server');
    dataProvider
      .verifyDraw(String(draw.id))
      .then((result) => setServer(result.ok ? { ok: true } : { ok: false, field: result.field ?? '?' }))
      .catch((e: Error) => setServer({ ok: false, error: e.message }))
      .finally(() => setBusy(null));
  };

  const onBrowser = () => {
    setBusy('browser');
    // Let the button show it is working before the hashing, which runs on this thread.
    setTimeout(() => {
      fetchAndVerify(draw, recordUrl)
        .then(setBrowser)
        .catch((e: Error) => setBrowser({ ok: false, error: e.message }))
        .finally(() => setBusy(null));
    }, 0);
  };

  return (
    <Stack spacing={1} sx={{ width: '100%' }}>
      <Typography variant="body2" color="text.secondary">
        {translate('suiji.verify.help')}
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button
          label={busy === 'server' ? 'suiji.verify.working' : 'suiji.verify.server'}
          variant="outlined"
          onClick={onServer}
          disabled={busy !== null}
          data-testid="verify-server"
        >
          <DnsIcon />
        </Button>
        <Button
          label={busy === 'browser' ? 'suiji.verify.working' : 'suiji.verify.browser'}
          variant="contained"
          onClick={onBrowser}
          disabled={busy !== null}
          data-testid="verify-browser"
        >
          <ComputerIcon />
        </Button>
      </Stack>
      {server ? <OutcomeAlert outcome={server} testId="verify-server-result" /> : null}
      {browser ? <OutcomeAlert outcome={browser} testId="verify-browser-result" /> : null}
    </Stack>
  );
};
