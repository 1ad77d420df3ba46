import SearchIcon from '@mui/icons-material/Search';
import { Alert, Box, Chip, Stack, TextField, Typography } from '@mui/material';
import { POOL_CHECK_MATCHES, POOL_CHECK_QUERY } from '@suiji/domain';
import { useId, useState, type FormEvent } from 'react';
import { Button, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { PublishedDrawFields } from '../draws/drawTypes';
import type { PublicDrawCheck as Check, PublicPoolEntry, SuijiDataProvider } from '../providers/dataProvider';

/** Where one entity stood in the draw, in words. */
const Entry = ({ entry }: { entry: PublicPoolEntry }) => {
  const translate = useTranslate();
  const standing = entry.inPool
    ? translate('suiji.public.check_in_pool')
    : translate('suiji.public.check_excluded', {
        reason: translate(`enums.publicExclusionReason.${entry.excludedReason ?? ''}`),
      });
  const outcome =
    entry.drawn === null
      ? translate('suiji.public.check_pending')
      : translate(entry.drawn ? 'suiji.public.check_drawn' : 'suiji.public.check_not_drawn');
  return (
    <Box
      component="li"
      sx={{ listStyle: 'none', borderTop: 1, borderColor: 'divider', py: 1.5 }}
      data-testid="check-entry"
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
      </Stack>
    </Box>
  );
};

/**
 * 对象自查: anyone gives an entity's credit code or full name and learns whether this draw considered it —
 * in its pool, or left out by its rules and why — and whether it was drawn. Not its stratum: the pool's
 * strata are risk classes, which are not public, so the answer names no line of pool.txt either.
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
  const length = [...q.trim()].length;
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
          label={translate('suiji.public.check_input')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          size="small"
          sx={{ minWidth: 280, flex: 1, maxWidth: 480 }}
          slotProps={{ htmlInput: { 'data-testid': 'check-q', maxLength: POOL_CHECK_QUERY.max } }}
        />
        <Button
          type="submit"
          label="suiji.public.search_button"
          variant="contained"
          disabled={busy || length < POOL_CHECK_QUERY.min}
          data-testid="check-submit"
        >
          <SearchIcon />
        </Button>
      </Stack>
      {/* Always there, so that a screen reader announces the answer when it comes. */}
      <div aria-live="polite">
        {error ? <Alert severity="error">{error}</Alert> : null}
        {answer && answer.matches.length === 0 ? (
          <Typography data-testid="check-none">
            {translate(answer.more ? 'suiji.public.check_too_many' : 'suiji.public.check_none')}
          </Typography>
        ) : null}
        {answer && answer.matches.length > 0 ? (
          <Box component="ul" sx={{ p: 0, m: 0 }}>
            {answer.matches.map((entry) => (
              <Entry key={entry.creditCode} entry={entry} />
            ))}
          </Box>
        ) : null}
        {answer?.more && answer.matches.length > 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('suiji.public.check_more', { n: POOL_CHECK_MATCHES })}
          </Typography>
        ) : null}
      </div>
    </Stack>
  );
};
