/**
 * The task form's rules, from the domain's (`taskProblems`, as the API applies them), and what it sends.
 */
import { taskProblems, type Locale } from '@suiji/domain';
import type { RaRecord } from 'react-admin';
import { i18nProvider } from '../providers/i18nProvider';

const shownLocale = (): Locale => (i18nProvider.getLocale() === 'en' ? 'en' : 'zh-CN');

const countOf = (value: unknown) => (Array.isArray(value) ? value.length : 0);

/**
 * An input's validator from the domain's task rules (`taskProblems`, as the API applies them): the first
 * problem the rules find with this field, in the language shown; nothing while the field is empty (`required`
 * says so).
 */
export const taskRule =
  (field: 'teamSize' | 'windowEnd' | 'scope', locale: () => Locale = shownLocale) =>
  (value: unknown, values: Record<string, unknown>) => {
    if (value === undefined || value === null || value === '') return undefined;
    const filters = values.scope === 'DIRECTED' ? values : {};
    const problem = taskProblems({
      teamSize: Number(values.teamSize),
      cooperatingCount: countOf(values.cooperatingDepartmentIds),
      windowStart: typeof values.windowStart === 'string' ? values.windowStart : '',
      windowEnd: typeof values.windowEnd === 'string' ? values.windowEnd : '',
      scope: values.scope === 'DIRECTED' ? 'DIRECTED' : 'UNDIRECTED',
      filterCount: ['regions', 'tags', 'riskClasses', 'targetKinds'].reduce(
        (sum, key) => sum + countOf(filters[key]),
        0,
      ),
    }).find((p) => p.field === field && (field !== 'windowEnd' || typeof values.windowStart === 'string'));
    if (!problem) return undefined;
    const language = locale();
    return `${problem.message[language]}${language === 'en' ? '. ' : '。'}${problem.hint[language]}`;
  };

/** An undirected task sends no filters (the API refuses filters on it), whatever was picked before switching. */
export function taskTransform(data: RaRecord): RaRecord {
  if (data.scope === 'DIRECTED') return data;
  return { ...data, regions: [], tags: [], riskClasses: [], targetKinds: [] };
}
