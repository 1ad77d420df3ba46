import { Box, CircularProgress } from '@mui/material';
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { useTimeout, useTranslate } from 'react-admin';

/**
 * While a page's code is on its way: nothing for the first moment (most pages arrive sooner, and a spinner
 * that flashes is noise), then a named spinner (react-admin's own has no accessible name, axe:
 * aria-progressbar-name).
 */
export const PageLoading = () => {
  const translate = useTranslate();
  const shown = useTimeout(400);
  if (!shown) return null;
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
      <CircularProgress aria-label={translate('ra.page.loading')} data-testid="page-loading" />
    </Box>
  );
};

/** The props of a component type. */
type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

/**
 * The component `name` of the module `load` imports, fetched the first time it renders, so each page's
 * code (and the libraries only it uses) stays out of what the sign-in page and the home page load.
 */
export function lazyPage<M, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): (props: PropsOf<M[K]>) => ReactElement {
  const Lazy = lazy(() => load().then((module) => ({ default: module[name] as ComponentType<object> })));
  const LazyPage = (props: PropsOf<M[K]>) => (
    <Suspense fallback={<PageLoading />}>
      <Lazy {...(props as object)} />
    </Suspense>
  );
  LazyPage.displayName = `Lazy(${name})`;
  return LazyPage;
}
