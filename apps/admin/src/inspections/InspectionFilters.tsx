import type { InspectionListFilter } from '@suiji/domain';
import { cloneElement, type ReactElement } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  NullableBooleanInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  useLocaleState,
  type RaRecord,
} from 'react-admin';
import {
  followUpChoices,
  resultStateChoices,
  riskClassChoices,
  stringChoices,
  targetKindChoices,
} from '../common/choices';
import { DepartmentInput } from '../common/DepartmentInput';
import { QuickSearch } from '../common/QuickSearch';
import { useValuesInUse } from '../common/useValuesInUse';
import { categoryName, type CategoryNames } from './result';

/**
 * The inspection list's filters: each narrows to the visits a figure of 统计分析 counts, and shows when it is
 * set (a number followed from 统计分析 arrives with its filters, so the reader sees why the list is short).
 */
export function useInspectionFilters() {
  const [locale] = useLocaleState();
  const regions = useValuesInUse('regions');
  const inputs: Record<keyof InspectionListFilter, ReactElement> = {
    drawnFrom: <DateInput source="drawnFrom" />,
    drawnTo: <DateInput source="drawnTo" />,
    departmentId: <DepartmentInput source="departmentId" />,
    itemId: (
      <ReferenceInput source="itemId" reference="items" sort={{ field: 'seq', order: 'ASC' }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
    ),
    region: <SelectInput source="region" choices={stringChoices(regions)} />,
    targetKind: <SelectInput source="targetKind" choices={targetKindChoices} />,
    riskClass: <SelectInput source="riskClass" choices={riskClassChoices} />,
    joint: <NullableBooleanInput source="joint" />,
    states: <SelectArrayInput source="states" choices={resultStateChoices} />,
    category: (
      <ReferenceInput source="category" reference="categories">
        <SelectInput
          optionText={(record: RaRecord) => categoryName(record as unknown as CategoryNames, locale)}
        />
      </ReferenceInput>
    ),
    followUp: <SelectInput source="followUp" choices={followUpChoices} />,
    problem: <NullableBooleanInput source="problem" />,
    closed: <NullableBooleanInput source="closed" />,
    onTime: <NullableBooleanInput source="onTime" />,
    overdue: <NullableBooleanInput source="overdue" />,
  };
  // The search and "mine" first, always shown: what people look for every day.
  const daily = [
    <QuickSearch key="q" source="q" alwaysOn />,
    <BooleanInput key="mine" source="mine" alwaysOn />,
  ];
  return [...daily, ...Object.entries(inputs).map(([key, input]) => cloneElement(input, { key }))];
}
