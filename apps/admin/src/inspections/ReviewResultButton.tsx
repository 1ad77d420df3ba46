import RateReviewIcon from '@mui/icons-material/RateReview';
import { TextField, Typography } from '@mui/material';
import { MAX_LENGTH } from '@suiji/domain';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, useAction, useDialog } from '../common/ActionDialog';
import { TextButton } from '../common/TextButton';
import type { DrawRecordFields, InspectionRecordFields } from '../draws/drawTypes';
import type { ReviewInput, SuijiDataProvider } from '../providers/dataProvider';
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
    { enabled: pending && !!inspection.drawId },
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
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const [comment, setComment] = useState('');
  const review = useAction((input: ReviewInput) => dataProvider.reviewResult(input), {
    success: (_, input) => [input.approve ? 'suiji.result.published' : 'suiji.result.rejected'],
    onDone: () => dialog.hide(),
  });
  const dialog = useDialog(review);
  const onReview = (approve: boolean) => {
    const input = toReviewInput(String(inspection.id), approve, comment);
    if (input) review.send(input);
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
          dialog.show();
        }}
        data-testid="review-result"
      />
      <ActionDialog
        open={dialog.open}
        onClose={dialog.hide}
        title={translate('suiji.result.review_title', { target: inspection.target.name })}
        pending={review.pending}
        error={review.error}
        actions={
          <>
            <TextButton
              label="suiji.result.reject"
              color="error"
              onClick={() => onReview(false)}
              disabled={review.pending || !comment.trim()}
              data-testid="review-reject"
            />
            <TextButton
              label="suiji.result.approve"
              variant="contained"
              onClick={() => onReview(true)}
              disabled={review.pending}
              data-testid="review-approve"
            />
          </>
        }
      >
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
      </ActionDialog>
    </>
  );
};
