import { chinaYear } from '@suiji/domain';

/**
 * The item list opens on the current year's items (and the home page counts those). Apart from the list, so
 * the home page counts without loading the list's code.
 */
export const itemListDefaults = () => ({ year: chinaYear() });
