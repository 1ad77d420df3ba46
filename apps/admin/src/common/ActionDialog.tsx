/**
 * The one dialog of the dashboard's actions (run a draw, review, enter a result, replace an inspector,
 * schedule, decline, close a follow-up): a button opens it, it asks, and `useAction` sends. While the
 * request is pending the dialog cannot close and its buttons are disabled (a double tap sends once); a
 * refusal stays in the dialog with the API's message.
 */
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { TextButton } from './TextButton';

/** What an action's request did: pending, or refused with a message. */
export interface ActionState<A> {
  send: (args: A) => void;
  pending: boolean;
  /** The API's message of the last refusal, null before or after a success. */
  error: string | null;
  reset: () => void;
}

/**
 * Sends an action through react-query's mutation: once at a time, then on success notifies (a message
 * key and its arguments), refreshes the page's records and calls `onDone`; on a refusal keeps its message.
 * "Once at a time" holds within one moment too: a second tap before the page re-renders finds the first
 * one's request already on its way, and sends nothing.
 */
export function useAction<A, R>(
  run: (args: A) => Promise<R>,
  options: {
    success?: (result: R, args: A) => [string, Record<string, unknown>?] | null;
    onDone?: (result: R, args: A) => void;
  } = {},
): ActionState<A> {
  const notify = useNotify();
  const refresh = useRefresh();
  const sending = useRef(false);
  const mutation = useMutation<R, Error, A>({
    // Sent even when the browser says it is offline (react-query would hold it until back online): the
    // answer, or its absence, is what the dialog reports, and the user decides what to do.
    networkMode: 'always',
    mutationFn: run,
    onSuccess: (result, args) => {
      const message = options.success?.(result, args);
      if (message) notify(message[0], { type: 'success', messageArgs: message[1] });
      refresh();
      options.onDone?.(result, args);
    },
    // Free again only once the answer has been acted on (the dialog closed on success).
    onSettled: () => {
      sending.current = false;
    },
  });
  return {
    send: (args) => {
      if (sending.current) return;
      sending.current = true;
      mutation.mutate(args);
    },
    pending: mutation.isPending,
    error: mutation.error?.message ?? null,
    reset: mutation.reset,
  };
}

/** Whether a dialog is open, with the action it sends reset each time it opens. */
export function useDialog(action?: Pick<ActionState<never>, 'reset'>) {
  const [open, setOpen] = useState(false);
  return {
    open,
    show: () => {
      action?.reset();
      setOpen(true);
    },
    hide: () => setOpen(false),
  };
}

export const ActionDialog = ({
  open,
  onClose,
  title,
  pending,
  error,
  actions,
  children,
  maxWidth = 'sm',
  fullScreenOnPhone = false,
  testId,
  errorTestId,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  pending: boolean;
  error: string | null;
  /** The buttons besides Cancel, last the one that sends. */
  actions: ReactNode;
  children: ReactNode;
  maxWidth?: 'sm' | 'md';
  /** A form made for the field: on a phone it fills the screen. */
  fullScreenOnPhone?: boolean;
  testId?: string;
  errorTestId?: string;
}) => {
  const translate = useTranslate();
  const titleId = useId();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!pending) onClose();
      }}
      // A dialog opened from a list row: its clicks are not the row's.
      onClick={(e) => e.stopPropagation()}
      maxWidth={maxWidth}
      fullWidth
      fullScreen={fullScreenOnPhone && phone}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {children}
          {error ? (
            <Alert severity="error" role="alert" data-testid={errorTestId}>
              {/* The API's messages are text; the dashboard's own (offline, say) are message keys. */}
              {translate(error, { _: error })}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <TextButton label="ra.action.cancel" onClick={onClose} disabled={pending} />
        {actions}
      </DialogActions>
    </Dialog>
  );
};
