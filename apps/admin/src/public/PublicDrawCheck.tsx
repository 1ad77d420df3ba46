import SearchIcon from '@mui/icons-material/Search';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Alert, Box, Chip, Stack, TextField, Typography } from '@mui/material';
import { POOL_CHECK_MATCHES, findInPoolText } from '@suiji/domain';
import { useId, useState, type FormEvent } from 'react';
import { Button, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { PublishedDrawFields } from '../draws/drawTypes';
import type { PublicDrawCheck as Check, PublicPoolEntry, SuijiDataProvider } from '../providers/dataProvider';

type PoolCheck =
  | { state: 'working' }
  | {
      state: 'done';
      digestOk: boolean;
      line: number | null;
      stratum: string | null;
      inRecord: boolean | null;
    }
  | { state: 'error'; message: string };

/** Downloads pool.txt (and the record, once the draw has run) and finds the entity's id there, in this browser. */
async function checkFiles(draw: PublishedDrawFields, entry: PublicPoolEntry): Promise<PoolCheck> {
  const pool = await fetch(draw.poolUrl);
  if (!pool.ok) return { state: 'error', message: `HTTP ${pool.status}` };
  const found = findInPoolText(await pool.text(), entry.poolId);
  let inRecord: boolean | null = null;
  if (draw.recordUrl) {
    const record = await fetch(draw.recordUrl, { headers: { Accept: 'application/json' } });
    if (!record.ok) return { state: 'error', message: `HTTP ${record.status}` };
    const selected = ((await record.json()) as { selected?: unknown }).selected;
    inRecord = Array.isArray(selected) && selected.includes(entry.poolId);
  }
  return {
    state: 'done',
    digestOk: found.digest === draw.poolDigest,
    line: found.line,
    stratum: found.stratum,
    inRecord,
  };
}

/** Where one entity stood in the draw, in words, with the check of the published files in this browser. */
const Entry = ({ draw, entry }: { draw: PublishedDrawFields; entry: PublicPoolEntry }) => {
  const translate = useTranslate();
  const [files, setFiles] = useState<PoolCheck | null>(null);
  const standing = entry.inPool
    ? translate('suiji.public.check_in_pool', { stratum: entry.stratum ?? '' })
    : entry.excludedReason
      ? translate('suiji.public.check_excluded', {
          reason: translate(`enums.exclusionReason.${entry.excludedReason}`),
        })
      : translate('suiji.public.check_out_of_scope');
  const outcome =
    entry.drawn === null
      ? translate('suiji.public.check_pending')
      : translate(entry.drawn ? 'suiji.public.check_drawn' : 'suiji.public.check_not_drawn');
  const onFiles = () => {
    setFiles({ state: 'working' });
    // Let the button show it is working before the hashing, which runs on this thread.
    setTimeout(() => {
      checkFiles(draw, entry)
        .then(setFiles)
        .catch((e: Error) => setFiles({ state: 'error', message: e.message }));
    }, 0);
  };
  const agrees =
    files?.state === 'done' &&
    files.digestOk &&
    (files.line !== null) === entry.inPool &&
    files.stratum === entry.stratum &&
    (files.inRecord === null || files.inRecord === entry.drawn);
  return (
    <Box
      component="li"
      sx={{ listStyle: 'none', borderTop: 1, borderColor: 'divider', py: 1.5 }}
      data-testid="check-entry"
      data-pool-id={entry.poolId}
    >
      <Stack spacing={0.75}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
          <Typography sx={{ fontWeight: 500 }}>{entry.targetName}</Typography>
          <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
            {entry.creditCode}
          </Typography>
          <Chip
            size="small"
            color={entry.drawn ? 'primary' : 'default'}
            label={outcome}
            data-testid="check-drawn"
          />
        </Stack>
        <Typography variant="body2" data-testid="check-standing">
          {standing}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
          {translate('suiji.public.check_pool_id')}
          {translate('suiji.colon')}
          <span style={{ fontFamily: 'monospace' }}>{entry.poolId}</span>
        </Typography>
        <div>
          <Button
            label={files?.state === 'working' ? 'suiji.verify.working' : 'suiji.public.check_files'}
            onClick={onFiles}
            disabled={files?.state === 'working'}
            size="small"
            data-testid="check-files"
          >
            <VerifiedIcon />
          </Button>
        </div>
        {files?.state === 'done' ? (
          <Alert
            severity={agrees ? 'success' : 'error'}
            data-testid="check-files-result"
            data-ok={String(agrees)}
          >
            {!files.digestOk
              ? translate('suiji.public.check_files_bad_digest')
              : files.line === null
                ? translate('suiji.public.check_files_absent')
                : translate('suiji.public.check_files_line', {
                    line: files.line,
                    stratum: files.stratum ?? '',
                  })}
            {files.inRecord === null
              ? ''
              : ` ${translate(files.inRecord ? 'suiji.public.check_files_selected' : 'suiji.public.check_files_not_selected')}`}
          </Alert>
        ) : null}
        {files?.state === 'error' ? (
          <Alert severity="error">{translate('suiji.verify.error', { message: files.message })}</Alert>
        ) : null}
      </Stack>
    </Box>
  );
};

/**
 * 对象自查: anyone gives an entity's name (or a part of it) or its credit code and learns whether the entity was
 * in this draw's pool and in which stratum, why the rules left it out, or that it was outside the task's scope,
 * and whether it was drawn — then checks it against pool.txt and the record, downloaded and hashed here.
 */
export const PublicDrawCheck = () => {
  const draw = useRecordContext<PublishedDrawFields>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const inputId = useId();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Check | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!draw) return null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    dataProvider
      .publicDrawCheck(String(draw.id), q.trim())
      .then(setAnswer)
      .catch((e: Error) => {
        setAnswer(null);
        setError(e.message);
      })
      .finally(() => setBusy(false));
  };
  return (
    <Stack spacing={1} component="section" aria-labelledby={`${inputId}-title`}>
      <Typography variant="h6" component="h2" id={`${inputId}-title`}>
        {translate('suiji.public.check_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('suiji.public.check_help')}
      </Typography>
      <Stack
        component="form"
        direction="row"
        spacing={1}
        onSubmit={onSubmit}
        sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}
      >
        <TextField
          id={inputId}
          label={translate('suiji.public.search')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          size="small"
          sx={{ minWidth: 280, flex: 1, maxWidth: 480 }}
          slotProps={{ htmlInput: { 'data-testid': 'check-q', maxLength: 100 } }}
        />
        <Button
          type="submit"
          label="suiji.public.search_button"
          variant="contained"
          disabled={busy || q.trim().length === 0}
          data-testid="check-submit"
        >
          <SearchIcon />
        </Button>
      </Stack>
      {error ? (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      ) : null}
      {answer ? (
        <div aria-live="polite">
          {answer.matches.length === 0 ? (
            <Typography data-testid="check-none">{translate('suiji.public.check_none')}</Typography>
          ) : (
            <Box component="ul" sx={{ p: 0, m: 0 }}>
              {answer.matches.map((entry) => (
                <Entry key={entry.poolId} draw={draw} entry={entry} />
              ))}
            </Box>
          )}
          {answer.more ? (
            <Typography variant="body2" color="text.secondary">
              {translate('suiji.public.check_more', { n: POOL_CHECK_MATCHES })}
            </Typography>
          ) : null}
        </div>
      ) : null}
    </Stack>
  );
};
