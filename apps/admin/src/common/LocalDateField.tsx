import { CHINA_TIME_ZONE } from '@suiji/domain';
import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/**
 * A date in the format of the current language and in China's time zone (DateField would use the
 * browser's for both), so that every page shows the dates the rules go by.
 */
export const LocalDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField locales={locale} {...props} options={{ timeZone: CHINA_TIME_ZONE, ...props.options }} />;
};
