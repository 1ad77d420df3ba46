import RateReviewIcon from '@mui/icons-material/RateReview';
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { MAX_LENGTH } from '@suiji/domain';
import { useState } from 'react';
import {
  useCanAccess,
  useDataProvider,
  useGetOne,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { TextButton } from '../common/TextButton';
import type { DrawRecordFields, InspectionRecordFields } from '../draws/drawTypes';
import type { SuijiDataProvider } from '../providers/dataProvider';
import { ResultSummary } from './ResultFields';
import { toReviewInput } from './result';

/**
 * Reviews an entered result: approving publishes it (公示), rejecting sends it back to the team with a
 * comment. Shown to coordinators of the task's departments (the departments of the inspection's draw).
 */
export const ReviewResultButton = () => {
  const inspection = useRecordContext<InspectionRecordFields>();
  const pending = inspection?.state === 'PENDING_REVIEW';
  const { data: draw } = useGetOne<DrawRecordFields>(
    'draws',
    { id: inspection?.drawId ?? '' },
    { enabled: pending && !!inspection?.drawId },
  );
  const { canAccess } = useCanAccess({
    action: 'review',
    resource: 'inspections',
    record: { id: inspection?.id ?? '', departmentIds: draw?.departmentIds ?? [] },
    enabled: pending && !!draw,
  });
  if (!inspection || !pending || !draw || !canAccess) return null;
  return <ReviewDialog inspection={inspection} />;
};

const ReviewDialog = ({ inspection }: { inspection: InspectionRecordFields }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onReview = (approve: boolean) => {
    const input = toReviewInput(String(inspection.id), approve, comment);
    if (!input) return;
    setBusy(true);
    setError(null);
    dataProvider
      .reviewResult(input)
      .then(() => {
        setOpen(false);
        notify(approve ? 'suiji.result.published' : 'suiji.result.rejected', { type: 'success' });
        refresh();
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <TextButton
        label="suiji.result.review"
        variant="contained"
        icon={<RateReviewIcon />}
        onClick={(e) => {
          e.stopPropagation();
          setComment('');
          setError(null);
          setOpen(true);
        }}
        data-testid="review-result"
      />
      <Dialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        onClick={(e) => e.stopPropagation()}
        maxWidth="sm"
        fullWidth
      >
        <DialogTitle>
          {translate('suiji.result.review_title', { target: inspection.target.name })}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ResultSummary inspection={inspection} />
            <Typography variant="body2" color="text.secondary">
              {translate('suiji.result.review_help')}
            </Typography>
            <TextField
              label={translate('resources.inspections.fields.reviewComment')}
              placeholder={translate('suiji.result.comment_placeholder')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              multiline
              minRows={2}
              helperText={translate('suiji.result.comment_help')}
              slotProps={{ htmlInput: { name: 'comment', maxLength: MAX_LENGTH.text } }}
            />
            {error ? <Alert severity="error">{error}</Alert> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <TextButton label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <TextButton
            label="suiji.result.reject"
            color="error"
            onClick={() => onReview(false)}
            disabled={busy || !comment.trim()}
            data-testid="review-reject"
          />
          <TextButton
            label="suiji.result.approve"
            variant="contained"
            onClick={() => onReview(true)}
            disabled={busy}
            data-testid="review-approve"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
