import { Chip } from '@mui/material';
import { chinaToday, workingDaysUntil } from '@suiji/domain';
import { useTranslate } from 'react-admin';

/**
 * Working days left until `day` on the Chinese calendar (holidays skipped, 调休 counted), as the publication
 * deadline counts them: "还剩 3 个工作日", "今天到期", "已逾期 2 个工作日".
 */
export const DaysLeft = ({ day }: { day: string | null | undefined }) => {
  const translate = useTranslate();
  if (!day) return null;
  const left = workingDaysUntil(chinaToday(), day);
  const label =
    left > 0
      ? translate('suiji.todo.days_left', { smart_count: left })
      : left === 0
        ? translate('suiji.todo.due_today')
        : translate('suiji.todo.days_over', { smart_count: -left });
  return (
    <Chip
      size="small"
      variant="outlined"
      color={left < 0 ? 'error' : left <= 3 ? 'warning' : 'default'}
      label={label}
      data-testid="days-left"
    />
  );
};
