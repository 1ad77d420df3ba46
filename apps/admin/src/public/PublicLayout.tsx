import { AppBar, Box, Container, CssBaseline, Toolbar, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Button, Link, LocalesMenuButton, useTranslate } from 'react-admin';

/** The frame of the public pages: no menu and no sign-in, the language menu and a way to staff sign-in. */
export const PublicLayout = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <CssBaseline />
      <AppBar position="static" color="primary">
        <Toolbar sx={{ gap: 2 }}>
          <Typography
            variant="h6"
            component={Link}
            to="/public/draws"
            sx={{ flex: 1, color: 'inherit', textDecoration: 'none' }}
          >
            {translate('suiji.public.title')}
          </Typography>
          <LocalesMenuButton />
          <Button label="suiji.public.login" component={Link} to="/login" color="inherit" />
        </Toolbar>
      </AppBar>
      <Container maxWidth="lg" sx={{ py: 3 }}>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {translate('suiji.public.intro')}
        </Typography>
        {children}
      </Container>
    </Box>
  );
};
