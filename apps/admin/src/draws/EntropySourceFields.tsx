import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import {
  DRAW_MIN_DELAY_SECONDS_DEFAULT,
  ENTROPY_RULES,
  ENTROPY_SOURCES,
  checkEntropyDeclaration,
  chinaDateTime,
  drandRoundAfter,
  drandRoundTime,
  nextLotteryDraw,
  formatChinaTime,
  fromChinaDateTime,
  type EntropyDeclaration,
  type EntropySource,
  type Locale,
  type Text,
} from '@suiji/domain';
import { useLocaleState, useTranslate } from 'react-admin';

/** What the coordinator has typed of the declaration so far. */
export interface EntropyDraft {
  source: EntropySource;
  issue: string;
  /** A datetime-local value, China time; unused for a beacon. */
  publishedAt: string;
}

/**
 * A source's next event after the usual minimum delay: a lottery's next draw on its calendar (its issue
 * as if no draw were skipped: to check against the lottery's notice), or a beacon's round.
 */
export function suggestedDraft(source: EntropySource, now = new Date()): EntropyDraft {
  const after = new Date(now.getTime() + DRAW_MIN_DELAY_SECONDS_DEFAULT * 1000);
  if (source === 'DRAND') return { source, issue: String(drandRoundAfter(after)), publishedAt: '' };
  const next = nextLotteryDraw(source, after);
  return { source, issue: next.issue, publishedAt: chinaDateTime(next.publishedAt) };
}

export const emptyEntropyDraft = (): EntropyDraft => suggestedDraft('SSQ');

/** The draft as the domain's rules take it now: the declaration, or what is wrong with it. */
export function checkDraft(
  draft: EntropyDraft,
  now = new Date(),
): { ok: true; value: EntropyDeclaration } | { ok: false; message: Text } {
  return checkEntropyDeclaration(
    {
      source: draft.source,
      issue: draft.issue,
      publishedAt:
        draft.source === 'DRAND' || !draft.publishedAt ? null : fromChinaDateTime(draft.publishedAt),
    },
    now,
  );
}

/**
 * 公开随机源, declared when the draw is scheduled: which public event's outcome will be the entropy, and
 * when it is published (a beacon's round fixes its own time). Published with the commitment; it cannot
 * be changed, and the draw runs only after it.
 */
export const EntropySourceFields = ({
  draft,
  onChange,
  showError,
}: {
  draft: EntropyDraft;
  onChange: (draft: EntropyDraft) => void;
  /** Whether to show what is wrong (once the coordinator tried to submit). */
  showError: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language: Locale = locale === 'en' ? 'en' : 'zh-CN';
  const rule = ENTROPY_RULES[draft.source];
  const checked = checkDraft(draft);
  const round = draft.source === 'DRAND' && /^[1-9]\d{0,11}$/.test(draft.issue.trim());
  return (
    <Stack spacing={2}>
      <Typography variant="subtitle2">{translate('suiji.draw.entropy_source')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('suiji.draw.entropy_source_help')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('suiji.draw.entropy_suggested')}
      </Typography>
      <TextField
        select
        label={translate('suiji.draw.entropy_source')}
        value={draft.source}
        onChange={(e) => onChange(suggestedDraft(e.target.value as EntropySource))}
        slotProps={{ htmlInput: { name: 'entropySource' } }}
      >
        {ENTROPY_SOURCES.map((source) => (
          <MenuItem key={source} value={source}>
            {translate(`enums.entropySource.${source}`)}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <TextField
          label={translate(
            draft.source === 'DRAND' ? 'suiji.draw.entropy_round' : 'suiji.draw.entropy_issue',
          )}
          value={draft.issue}
          onChange={(e) => onChange({ ...draft, issue: e.target.value })}
          placeholder={rule.issue.example}
          helperText={rule.issue.hint[language]}
          slotProps={{ htmlInput: { name: 'entropyIssue', inputMode: 'numeric', maxLength: 20 } }}
          sx={{ flex: 1 }}
        />
        {draft.source === 'DRAND' ? (
          <TextField
            label={translate('suiji.draw.entropy_published_at')}
            value={round ? formatChinaTime(drandRoundTime(Number(draft.issue.trim())), true) : ''}
            helperText={translate('suiji.draw.entropy_round_time')}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { readOnly: true } }}
            sx={{ flex: 1 }}
          />
        ) : (
          <TextField
            label={translate('suiji.draw.entropy_published_at')}
            type="datetime-local"
            value={draft.publishedAt}
            onChange={(e) => onChange({ ...draft, publishedAt: e.target.value })}
            helperText={translate('suiji.draw.entropy_published_at_help')}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: { name: 'entropyPublishedAt', min: chinaDateTime(new Date()) },
            }}
            sx={{ flex: 1 }}
          />
        )}
      </Stack>
      {showError && !checked.ok ? (
        <Typography color="error" variant="body2" role="alert">
          {checked.message[language]}
        </Typography>
      ) : null}
    </Stack>
  );
};
