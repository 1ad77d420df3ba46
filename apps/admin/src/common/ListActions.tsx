import { CreateButton, FilterButton, TopToolbar } from 'react-admin';
import { ExportXlsxButton } from './ExportXlsxButton';

/** The toolbar of every list: more filters, create and export (each hidden when the role may not). */
export const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportXlsxButton />
  </TopToolbar>
);
