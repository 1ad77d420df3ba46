import { Card, Stack, Typography } from '@mui/material';
import { chinaYear } from '@suiji/domain';
import {
  Datagrid,
  FilterForm,
  ListBase,
  NumberField,
  Pagination,
  ReferenceField,
  SelectField,
  TextField,
  useTranslate,
} from 'react-admin';
import { itemCategoryChoices } from '../common/choices';
import { EnumArrayField } from '../common/EnumArrayField';
import { ExportXlsxButton } from '../common/ExportXlsxButton';
import { PercentField } from '../common/PercentField';
import { publicItemFilters } from './PublicFilters';
import { PublicLayout } from './PublicLayout';

/**
 * 随机抽查事项清单, as each department publishes it: per year and department, every column of the list
 * (序号, 事项名称, 依据, 检查主体, 类别, 检查对象, 比例, 频次, 方式, 备注), downloadable as .xlsx. No sign-in.
 */
export const PublicItemList = () => {
  const translate = useTranslate();
  return (
    <PublicLayout>
      <ListBase
        resource="items"
        disableAuthentication
        disableSyncWithLocation
        filterDefaultValues={{ year: chinaYear() }}
        sort={{ field: 'seq', order: 'ASC' }}
        perPage={50}
      >
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h5" component="h1">
            {translate('suiji.public.items')}
          </Typography>
          <ExportXlsxButton />
        </Stack>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {translate('suiji.public.items_intro')}
        </Typography>
        <FilterForm filters={publicItemFilters} />
        <Card sx={{ overflowX: 'auto' }}>
          <Datagrid bulkActionButtons={false} rowClick={false} data-testid="public-items">
            <ReferenceField source="departmentId" reference="departments" link={false} sortable={false} />
            <NumberField source="seq" />
            <TextField source="name" />
            <TextField source="legalBasis" sortable={false} />
            <TextField source="inspectingBody" sortable={false} />
            <SelectField source="category" choices={itemCategoryChoices} />
            <TextField source="targetType" sortable={false} />
            <PercentField source="minRatioBp" />
            <NumberField source="timesPerYear" sortable={false} />
            <EnumArrayField source="methods" group="inspectionMethod" sortable={false} />
            <TextField source="remarks" sortable={false} emptyText="—" />
          </Datagrid>
          <Pagination rowsPerPageOptions={[25, 50, 100]} />
        </Card>
      </ListBase>
    </PublicLayout>
  );
};
