import EditNoteIcon from '@mui/icons-material/EditNote';
import { Alert, Button as MuiButton, Typography } from '@mui/material';
import { chinaToday, formatChinaTime, isEnterable } from '@suiji/domain';
import { useState } from 'react';
import {
  useCanAccess,
  useDataProvider,
  useGetIdentity,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActionDialog, useAction, useDialog } from '../common/ActionDialog';
import { TextButton } from '../common/TextButton';
import type { CategoryRecordFields, InspectionRecordFields } from '../draws/drawTypes';
import type { SuijiDataProvider } from '../providers/dataProvider';
import { resultProblems, type ResultDraft } from './result';
import { ResultForm } from './ResultForm';
import { sendResult } from './sendResult';
import { useResultDraft } from './useResultDraft';

/** More categories than any task has: the standard ten and its departments' own. */
const CATEGORIES_PER_PAGE = 500;

/**
 * Enters (or, after a rejection, corrects) the result of an inspection. Shown to the members of its team
 * while the result awaits entry or was sent back; once entered it awaits review. Made for the field: on a
 * phone the form fills the screen; what is typed is kept on the device as it is typed (useResultDraft), so
 * a dropped connection or a reload loses nothing; and it is sent once, however often "submit" is tapped.
 */
export const EnterResultButton = () => {
  const inspection = useRecordContext<InspectionRecordFields>();
  const { canAccess } = useCanAccess({
    action: 'enter',
    resource: 'inspections',
    record: inspection,
    enabled: !!inspection,
  });
  if (!inspection || !canAccess || !isEnterable(inspection.state)) return null;
  return <EnterResultDialog inspection={inspection} />;
};

const EnterResultDialog = ({ inspection }: { inspection: InspectionRecordFields }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const { identity } = useGetIdentity();
  const today = chinaToday();
  const kept = useResultDraft(inspection, identity?.id ? String(identity.id) : null, today);
  const [touched, setTouched] = useState(false);
  const enter = useAction(
    (draft: ResultDraft) => sendResult(dataProvider, String(inspection.id), draft, kept.enteredAtOpened()),
    {
      success: () => ['suiji.result.entered'],
      onDone: () => {
        kept.clear();
        dialog.hide();
      },
    },
  );
  const dialog = useDialog(enter);
  const { data: categories, error: categoriesError } = useGetList<CategoryRecordFields>(
    'categories',
    {
      filter: { taskId: inspection.taskId },
      pagination: { page: 1, perPage: CATEGORIES_PER_PAGE },
      sort: { field: 'createdAt', order: 'ASC' },
    },
    { enabled: dialog.open },
  );

  const { draft } = kept;
  const problems = draft ? resultProblems(draft, today) : {};
  const problemCount = Object.keys(problems).length;
  const itemName = (itemId: string) => inspection.items.find((item) => item.id === itemId)?.name ?? itemId;
  const onSubmit = () => {
    setTouched(true);
    if (draft && problemCount === 0) enter.send(draft);
  };

  return (
    <>
      <TextButton
        label="suiji.result.enter"
        variant="contained"
        icon={<EditNoteIcon />}
        onClick={(e) => {
          e.stopPropagation();
          kept.start();
          setTouched(false);
          dialog.show();
        }}
        data-testid="enter-result"
      />
      <ActionDialog
        open={dialog.open}
        onClose={dialog.hide}
        title={translate('suiji.result.enter_title', { target: inspection.target.name })}
        pending={enter.pending}
        error={enter.error}
        errorTestId="enter-result-error"
        maxWidth="md"
        fullScreenOnPhone
        actions={
          <TextButton
            label="suiji.result.submit"
            variant="contained"
            onClick={onSubmit}
            disabled={enter.pending}
            data-testid="enter-result-confirm"
          />
        }
      >
        {inspection.state === 'REJECTED' && inspection.reviewComment ? (
          <Alert severity="warning">
            {translate('suiji.result.rejected_because', { comment: inspection.reviewComment })}
          </Alert>
        ) : null}
        {kept.restoredAt ? (
          <Alert
            severity="info"
            data-testid="draft-restored"
            action={
              <MuiButton color="inherit" size="small" onClick={kept.discard}>
                {translate('suiji.result.draft_discard')}
              </MuiButton>
            }
          >
            <Typography variant="body2">
              {translate('suiji.result.draft_restored', { at: formatChinaTime(kept.restoredAt, true) })}
            </Typography>
          </Alert>
        ) : null}
        {draft ? (
          <ResultForm
            draft={draft}
            onChange={kept.change}
            problems={problems}
            touched={touched}
            categories={categories}
            categoriesError={categoriesError}
            itemName={itemName}
            today={today}
          />
        ) : null}
        <Alert severity="info">{translate('suiji.result.enter_help')}</Alert>
        {/* Announced when it appears: what stops the submission. */}
        <div role="alert">
          {touched && problemCount > 0 ? (
            <Alert severity="error">
              {translate('suiji.result.fix_marked', { smart_count: problemCount })}
            </Alert>
          ) : null}
        </div>
      </ActionDialog>
    </>
  );
};
