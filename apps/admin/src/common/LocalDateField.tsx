import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** A date in the format of the current language (DateField would use the browser's). */
export const LocalDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField locales={locale} {...props} />;
};
