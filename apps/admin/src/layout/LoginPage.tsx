import PublicIcon from '@mui/icons-material/Public';
import { Box } from '@mui/material';
import { Button, Link, Login, LoginForm } from 'react-admin';

/** react-admin's sign-in, with the way to the public draws, which need no account. */
export const LoginPage = () => (
  <Login>
    <LoginForm />
    <Box sx={{ textAlign: 'center', pb: 2 }}>
      <Button label="suiji.public.from_login" component={Link} to="/public">
        <PublicIcon />
      </Button>
    </Box>
  </Login>
);
