import { MenuItem, Stack, TextField } from '@mui/material';
import { PERIOD_KINDS, YEAR_MAX, YEAR_MIN, chinaYear, type PeriodKind } from '@suiji/domain';
import type { ChangeEvent, ReactNode } from 'react';
import { useGetList, useTranslate, type RaRecord } from 'react-admin';
import { useValuesInUse } from '../common/useValuesInUse';
import { readSession } from '../providers/session';
import type { PageFilter, StatisticsState } from './statisticsState';

/** A department or an item, as the menus name it. */
type Named = RaRecord & { name: string };

/** The years offered: the last ten and the next, within what the API accepts. */
function years(): number[] {
  const last = Math.min(YEAR_MAX, chinaYear() + 1);
  const first = Math.max(YEAR_MIN, last - 10);
  return Array.from({ length: last - first + 1 }, (_, i) => last - i);
}

const Select = ({
  label,
  value,
  onChange,
  children,
  name,
}: {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  children: ReactNode;
  name: string;
}) => (
  <TextField
    fullWidth={false}
    select
    size="small"
    label={label}
    value={value}
    name={name}
    onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
    sx={{ minWidth: 140 }}
  >
    {children}
  </TextField>
);

/**
 * The page's period (a year, a quarter, a month or a range of days) and filters (department, item, region).
 * Each table takes those its family applies (`applicableFilter`).
 */
export const StatisticsFilters = ({
  state,
  onChange,
}: {
  state: StatisticsState;
  onChange: (next: StatisticsState) => void;
}) => {
  const translate = useTranslate();
  const { period, filter } = state;
  const setPeriod = (change: Partial<StatisticsState['period']>) =>
    onChange({ ...state, period: { ...period, ...change } });
  const setFilter = (key: keyof PageFilter, value: string) =>
    onChange({ ...state, filter: { ...filter, [key]: value || undefined } });
  const itemYear = period.kind === 'RANGE' ? Number(period.from.slice(0, 4)) : period.year;

  const session = readSession();
  const { data: departments } = useGetList<Named>('departments', {
    filter: { kind: 'DEPARTMENT' },
    sort: { field: 'name', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  // Outside an administrator's, a table shows one's own department only: offer no other.
  const ownDepartments = (departments ?? []).filter(
    (d) => session?.user.role === 'ADMIN' || session?.user.departmentIds.includes(String(d.id)),
  );
  const { data: items } = useGetList<Named>(
    'items',
    {
      filter: { year: itemYear },
      sort: { field: 'seq', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: Number.isInteger(itemYear) },
  );
  const regions = useValuesInUse('regions');
  const all = translate('suiji.statistics.all');

  return (
    <Stack
      sx={{ flexWrap: 'wrap' }}
      direction="row"
      useFlexGap
      spacing={1.5}
      data-testid="statistics-filters"
    >
      <Select
        name="kind"
        label={translate('suiji.statistics.period_kind')}
        value={period.kind}
        onChange={(kind) => setPeriod({ kind: kind as PeriodKind })}
      >
        {PERIOD_KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {translate(`enums.periodKind.${kind}`)}
          </MenuItem>
        ))}
      </Select>
      {period.kind !== 'RANGE' ? (
        <Select
          name="year"
          label={translate('suiji.statistics.year')}
          value={period.year}
          onChange={(year) => setPeriod({ year: Number(year) })}
        >
          {(years().includes(period.year) ? years() : [period.year, ...years()]).map((year) => (
            <MenuItem key={year} value={year}>
              {year}
            </MenuItem>
          ))}
        </Select>
      ) : null}
      {period.kind === 'QUARTER' ? (
        <Select
          name="quarter"
          label={translate('suiji.statistics.quarter')}
          value={period.quarter}
          onChange={(quarter) => setPeriod({ quarter: Number(quarter) })}
        >
          {[1, 2, 3, 4].map((n) => (
            <MenuItem key={n} value={n}>
              {translate('suiji.statistics.quarter_n', { n })}
            </MenuItem>
          ))}
        </Select>
      ) : null}
      {period.kind === 'MONTH' ? (
        <Select
          name="month"
          label={translate('suiji.statistics.month')}
          value={period.month}
          onChange={(month) => setPeriod({ month: Number(month) })}
        >
          {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
            <MenuItem key={n} value={n}>
              {translate('suiji.statistics.month_n', { n })}
            </MenuItem>
          ))}
        </Select>
      ) : null}
      {period.kind === 'RANGE' ? (
        <>
          <TextField
            fullWidth={false}
            type="date"
            size="small"
            name="from"
            label={translate('suiji.statistics.from')}
            value={period.from}
            onChange={(event) => event.target.value && setPeriod({ from: event.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            fullWidth={false}
            type="date"
            size="small"
            name="to"
            label={translate('suiji.statistics.to')}
            value={period.to}
            onChange={(event) => event.target.value && setPeriod({ to: event.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </>
      ) : null}
      <Select
        name="departmentId"
        label={translate('suiji.statistics.department')}
        value={filter.departmentId ?? ''}
        onChange={(value) => setFilter('departmentId', value)}
      >
        <MenuItem value="">{all}</MenuItem>
        {ownDepartments.map((d) => (
          <MenuItem key={d.id} value={String(d.id)}>
            {d.name}
          </MenuItem>
        ))}
      </Select>
      <Select
        name="itemId"
        label={translate('suiji.statistics.item')}
        value={filter.itemId ?? ''}
        onChange={(value) => setFilter('itemId', value)}
      >
        <MenuItem value="">{all}</MenuItem>
        {(items ?? []).map((item) => (
          <MenuItem key={item.id} value={String(item.id)}>
            {item.name}
          </MenuItem>
        ))}
      </Select>
      <Select
        name="region"
        label={translate('suiji.statistics.region')}
        value={filter.region ?? ''}
        onChange={(value) => setFilter('region', value)}
      >
        <MenuItem value="">{all}</MenuItem>
        {regions.map((region) => (
          <MenuItem key={region} value={region}>
            {region}
          </MenuItem>
        ))}
      </Select>
    </Stack>
  );
};
