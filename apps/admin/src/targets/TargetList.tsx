import {
  AutocompleteInput,
  Datagrid,
  EditButton,
  List,
  NullableBooleanInput,
  NumberField,
  SelectField,
  SelectInput,
  TextArrayField,
  TextField,
} from 'react-admin';
import { riskClassChoices, stringChoices, targetKindChoices, targetStatusChoices } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { QuickSearch } from '../common/QuickSearch';
import { useValuesInUse } from '../common/useValuesInUse';
import { AbnormalChip } from './TargetFields';

export const TargetList = () => {
  const regions = useValuesInUse('regions');
  const targetTypes = useValuesInUse('targetTypes');
  const tags = useValuesInUse('targetTags');
  const filters = [
    <QuickSearch key="q" source="q" alwaysOn />,
    <SelectInput key="kind" source="kind" choices={targetKindChoices} />,
    <SelectInput key="riskClass" source="riskClass" choices={riskClassChoices} />,
    <SelectInput key="status" source="status" choices={targetStatusChoices} />,
    <SelectInput key="region" source="region" choices={stringChoices(regions)} />,
    <SelectInput key="targetType" source="targetType" choices={stringChoices(targetTypes)} />,
    <AutocompleteInput key="tag" source="tag" choices={stringChoices(tags)} />,
    <NullableBooleanInput key="abnormal" source="abnormal" />,
  ];
  return (
    <List filters={filters} actions={<ListActions />} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      <Datagrid bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="creditCode" />
        <SelectField source="kind" choices={targetKindChoices} />
        <TextField source="region" />
        <SelectField source="riskClass" choices={riskClassChoices} />
        <SelectField source="status" choices={targetStatusChoices} />
        <AbnormalChip source="abnormal" sortable={false} />
        <NumberField source="problemCount" sortable={false} />
        <TextArrayField source="targetTypes" sortable={false} />
        <TextArrayField source="tags" sortable={false} />
        <EditButton />
      </Datagrid>
    </List>
  );
};
