import { Stack, Typography } from '@mui/material';
import {
  Datagrid,
  Pagination,
  ReferenceManyField,
  SelectField,
  TextField,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { resultStateChoices } from '../common/choices';
import { ItemsField } from '../inspections/ResultFields';
import { TeamField } from '../inspections/TeamField';
import type { DrawRecordFields } from './drawTypes';
import { ReplaceInspectorButton } from './ReplaceInspectorButton';

/**
 * The inspections a draw produced (target, the items each visit covers, team), for those who may see them;
 * each may have a member replaced.
 */
export const DrawInspections = () => {
  const draw = useRecordContext<DrawRecordFields>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'list', resource: 'inspections' });
  if (!draw || draw.status !== 'DRAWN' || !canAccess) return null;
  return (
    <Stack spacing={1} sx={{ p: 2 }}>
      <Typography variant="h6">{translate('suiji.draw.inspections')}</Typography>
      <ReferenceManyField reference="inspections" target="drawId" perPage={25} pagination={<Pagination />}>
        <Datagrid bulkActionButtons={false} rowClick="show" data-testid="draw-inspections">
          <TextField source="target.name" label="resources.inspections.fields.targetId" />
          <TextField source="target.creditCode" sx={{ fontFamily: 'monospace' }} />
          <ItemsField source="items" />
          <TeamField source="team" />
          <SelectField source="state" choices={resultStateChoices} />
          <ReplaceInspectorButton draw={draw} />
        </Datagrid>
      </ReferenceManyField>
    </Stack>
  );
};
