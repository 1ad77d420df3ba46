import EditNoteIcon from '@mui/icons-material/EditNote';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { chinaToday, formatChinaTime, isEnterable } from '@suiji/domain';
import { useRef, useState } from 'react';
import {
  HttpError,
  useCanAccess,
  useDataProvider,
  useGetList,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { TextButton } from '../common/TextButton';
import type { CategoryRecordFields, InspectionRecordFields } from '../draws/drawTypes';
import type { SuijiDataProvider } from '../providers/dataProvider';
import { draftOf, holdsDraft, resultProblems, toResultInput, type ResultDraft } from './result';
import { ResultForm } from './ResultForm';
import { discardDraft, draftKey, loadDraft, saveDraft, type DraftBasis } from './resultDraft';

/** More categories than any task has: the standard ten and its departments' own. */
const CATEGORIES_PER_PAGE = 500;

/**
 * Enters (or, after a rejection, corrects) the result of an inspection. Shown to the members of its team
 * while the result awaits entry or was sent back; once entered it awaits review. Made for the field: on a
 * phone the form fills the screen; what is typed is kept on the device as it is typed (resultDraft.ts), so
 * a dropped connection or a reload loses nothing; and it is sent once, however often "submit" is tapped.
 */
export const EnterResultButton = () => {
  const inspection = useRecordContext<InspectionRecordFields>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const { identity } = useGetIdentity();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { canAccess } = useCanAccess({
    action: 'enter',
    resource: 'inspections',
    record: inspection,
    enabled: !!inspection,
  });
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ResultDraft | null>(null);
  const [restoredAt, setRestoredAt] = useState<Date | null>(null);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Set before the request goes and cleared when it ends: a second tap in the same moment finds it set.
  const sending = useRef(false);
  // The round of entry the form was opened on, fixed until it closes: a refetch of the record meanwhile
  // (coming back from the camera refetches it) must not file the draft under another round.
  const opened = useRef<DraftBasis | null>(null);
  const { data: categories, error: categoriesError } = useGetList<CategoryRecordFields>(
    'categories',
    {
      filter: { taskId: inspection?.taskId },
      pagination: { page: 1, perPage: CATEGORIES_PER_PAGE },
      sort: { field: 'createdAt', order: 'ASC' },
    },
    { enabled: open && !!inspection?.taskId },
  );
  if (!inspection || !canAccess || !isEnterable(inspection.state)) return null;

  const today = chinaToday();
  // Drafts are the signed-in user's: none is read or kept before the user is known.
  const key = identity?.id ? draftKey(String(identity.id), String(inspection.id)) : null;
  const problems = draft ? resultProblems(draft, today) : {};
  const problemCount = Object.keys(problems).length;
  const itemName = (itemId: string) => inspection.items.find((item) => item.id === itemId)?.name ?? itemId;

  const onOpen = () => {
    const basis = { state: inspection.state, enteredAt: inspection.enteredAt ?? null };
    opened.current = basis;
    const kept = key ? loadDraft(localStorage, key, basis, inspection.itemIds) : null;
    setDraft(kept?.draft ?? draftOf(inspection, today));
    setRestoredAt(kept?.savedAt ?? null);
    setTouched(false);
    setError(null);
    setOpen(true);
  };
  const onChange = (next: ResultDraft) => {
    setDraft(next);
    if (key && opened.current) saveDraft(localStorage, key, opened.current, next);
  };
  const onDiscard = () => {
    if (key) discardDraft(localStorage, key);
    setDraft(draftOf(inspection, today));
    setRestoredAt(null);
  };
  const entered = () => {
    if (key) discardDraft(localStorage, key);
    setOpen(false);
    notify('suiji.result.entered', { type: 'success' });
    refresh();
  };
  /**
   * After a failure with no answer (the connection dropped) or a refusal as changed meanwhile: what the API
   * holds now says whether the entry arrived (its answer was lost on the way back) or not.
   */
  const afterFailure = async (e: Error, sent: ResultDraft) => {
    const status = e instanceof HttpError ? (e.status as number) : undefined;
    if (status === 0 || status === 409) {
      const now = await dataProvider
        .getOne<InspectionRecordFields>('inspections', { id: inspection.id })
        .then((r) => r.data)
        .catch(() => null);
      if (now && holdsDraft(now, sent)) return entered();
      if (status === 0) return setError(translate('suiji.result.offline'));
    }
    setError(translate(e.message, { _: e.message }));
  };
  const onSave = () => {
    setTouched(true);
    if (!draft || problemCount > 0 || sending.current) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    const sent = draft;
    dataProvider
      .enterResult(toResultInput(String(inspection.id), sent, opened.current?.enteredAt ?? null))
      .then(entered, (e: Error) => afterFailure(e, sent))
      .finally(() => {
        sending.current = false;
        setBusy(false);
      });
  };

  return (
    <>
      <TextButton
        label="suiji.result.enter"
        variant="contained"
        icon={<EditNoteIcon />}
        onClick={(e) => {
          e.stopPropagation();
          onOpen();
        }}
        data-testid="enter-result"
      />
      <Dialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        onClick={(e) => e.stopPropagation()}
        maxWidth="md"
        fullWidth
        fullScreen={phone}
        aria-labelledby="enter-result-title"
      >
        <DialogTitle id="enter-result-title">
          {translate('suiji.result.enter_title', { target: inspection.target.name })}
        </DialogTitle>
        <DialogContent>
          {draft ? (
            <Stack spacing={2} sx={{ pt: 1 }}>
              {inspection.state === 'REJECTED' && inspection.reviewComment ? (
                <Alert severity="warning">
                  {translate('suiji.result.rejected_because', { comment: inspection.reviewComment })}
                </Alert>
              ) : null}
              {restoredAt ? (
                <Alert
                  severity="info"
                  data-testid="draft-restored"
                  action={
                    <MuiButton color="inherit" size="small" onClick={onDiscard}>
                      {translate('suiji.result.draft_discard')}
                    </MuiButton>
                  }
                >
                  <Typography variant="body2">
                    {translate('suiji.result.draft_restored', { at: formatChinaTime(restoredAt, true) })}
                  </Typography>
                </Alert>
              ) : null}
              <ResultForm
                draft={draft}
                onChange={onChange}
                problems={problems}
                touched={touched}
                categories={categories}
                categoriesError={categoriesError}
                itemName={itemName}
                today={today}
              />
              <Alert severity="info">{translate('suiji.result.enter_help')}</Alert>
              {/* Announced when it appears: what stops the submission, and what was wrong with it. */}
              <div role="alert">
                {touched && problemCount > 0 ? (
                  <Alert severity="error">
                    {translate('suiji.result.fix_marked', { smart_count: problemCount })}
                  </Alert>
                ) : null}
                {error ? (
                  <Alert severity="error" data-testid="enter-result-error">
                    {error}
                  </Alert>
                ) : null}
              </div>
            </Stack>
          ) : null}
        </DialogContent>
        <DialogActions>
          <TextButton label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <TextButton
            label="suiji.result.submit"
            variant="contained"
            onClick={onSave}
            disabled={busy}
            data-testid="enter-result-confirm"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
