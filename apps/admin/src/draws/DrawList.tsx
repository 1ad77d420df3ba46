import { List, SelectInput } from 'react-admin';
import { drawStatusChoices } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { DrawDatagrid } from './DrawDatagrid';

const filters = [<SelectInput key="status" source="status" choices={drawStatusChoices} alwaysOn />];

export const DrawList = () => (
  <List filters={filters} actions={<ListActions />} exporter={false}>
    <DrawDatagrid />
  </List>
);
