import ItemIcon from '@mui/icons-material/Checklist';
import { ItemCreate } from './ItemCreate';
import { ItemEdit } from './ItemEdit';
import { ItemList } from './ItemList';
import { ItemShow } from './ItemShow';

export default {
  list: ItemList,
  create: ItemCreate,
  edit: ItemEdit,
  show: ItemShow,
  icon: ItemIcon,
  recordRepresentation: 'name',
};
