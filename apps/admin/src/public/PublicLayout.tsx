import { AppBar, Box, Container, CssBaseline, Stack, Toolbar, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Button, Link, LocalesMenuButton, useTranslate } from 'react-admin';

/** The portal's sections, in the order a citizen meets them. */
export const PUBLIC_SECTIONS = [
  { to: '/public/items', label: 'suiji.public.items' },
  { to: '/public/plans', label: 'suiji.public.plans' },
  { to: '/public/tasks', label: 'suiji.public.tasks' },
  { to: '/public/draws', label: 'suiji.public.menu' },
  { to: '/public/results', label: 'suiji.public.results' },
  { to: '/public/statistics', label: 'suiji.public.statistics' },
] as const;

/**
 * The frame of the public portal (一公开): its own bar with the portal's name (back to its entry page), its
 * sections, the language menu and a way to staff sign-in; no sign-in needed for anything here.
 */
export const PublicLayout = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const { pathname } = useLocation();
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <CssBaseline />
      <AppBar position="static" color="primary">
        <Toolbar sx={{ gap: 2, flexWrap: 'wrap', py: 0.5 }}>
          <Typography
            variant="h6"
            component={Link}
            to="/public"
            sx={{ flex: 1, minWidth: 200, color: 'inherit', textDecoration: 'none' }}
          >
            {translate('suiji.public.title')}
          </Typography>
          <LocalesMenuButton />
          <Button label="suiji.public.login" component={Link} to="/login" color="inherit" />
        </Toolbar>
        <Stack
          component="nav"
          direction="row"
          sx={{ px: 2, pb: 1, gap: 1, flexWrap: 'wrap' }}
          aria-label={translate('suiji.public.sections')}
        >
          {PUBLIC_SECTIONS.map((section) => {
            const current = pathname.startsWith(section.to);
            return (
              <Button
                key={section.to}
                label={section.label}
                component={Link}
                to={section.to}
                color="inherit"
                variant={current ? 'outlined' : 'text'}
                aria-current={current ? 'page' : undefined}
              />
            );
          })}
        </Stack>
      </AppBar>
      <Container maxWidth="lg" component="main" sx={{ py: 3 }}>
        {children}
      </Container>
    </Box>
  );
};
