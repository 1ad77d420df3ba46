import { Chip, Stack } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';

/**
 * The items of the task in context, as chips: what a draw covers, now that one draw serves a whole task.
 * Read from the task record (`Task.items`), so it needs no request of its own.
 */
export const TaskItemsField = (_props: Partial<FieldProps>) => {
  const task = useRecordContext();
  const items = Array.isArray(task?.items) ? (task.items as { id: string; name: string }[]) : [];
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }} data-testid="task-items-chips">
      {items.map((item) => (
        <Chip key={item.id} size="small" label={item.name} />
      ))}
    </Stack>
  );
};
