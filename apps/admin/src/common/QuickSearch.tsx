import { SearchInput, useTranslate } from 'react-admin';

/** The list search (`q`: name or code), with a translated placeholder (SearchInput does not translate it). */
export const QuickSearch = ({ source = 'q' }: { source?: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput source={source} placeholder={translate('suiji.search')} />;
};
