import PublicIcon from '@mui/icons-material/Public';
import { Box, Stack, Typography } from '@mui/material';
import { Button, Link, LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

/** What the sign-in page is the sign-in of: the product's name and purpose, and the language switch. */
const Heading = () => {
  const translate = useTranslate();
  return (
    <Stack spacing={0.5} sx={{ px: 2, pt: 1, textAlign: 'center', alignItems: 'center' }}>
      <LocalesMenuButton />
      <Typography variant="h5" component="h1" data-testid="product-name">
        {translate('suiji.login.product')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('suiji.login.purpose')}
      </Typography>
    </Stack>
  );
};

/** react-admin's sign-in, named, with the language switch and the way to the public portal, which needs no account. */
export const LoginPage = () => (
  <Login>
    <Heading />
    <LoginForm />
    <Box sx={{ textAlign: 'center', pb: 2 }}>
      <Button label="suiji.public.from_login" component={Link} to="/public">
        <PublicIcon />
      </Button>
    </Box>
  </Login>
);
