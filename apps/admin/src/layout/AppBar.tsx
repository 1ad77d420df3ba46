import PasswordIcon from '@mui/icons-material/Password';
import { CircularProgress, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import {
  AppBar as RaAppBar,
  LocalesMenuButton,
  Logout,
  RefreshIconButton,
  TitlePortal,
  UserMenu,
  useLoading,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { Link } from 'react-router';

/** The user menu's way to the change-my-password page; the menu closes as it is followed. */
const ChangePasswordItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/account/password" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <PasswordIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('suiji.password.menu')}</ListItemText>
    </MenuItem>
  );
};

/**
 * react-admin's loading indicator, named: its spinner has no accessible name (axe: aria-progressbar-name),
 * so this one says "loading" while the dashboard fetches, and offers the refresh button otherwise.
 */
const LoadingIndicator = () => {
  const loading = useLoading();
  const translate = useTranslate();
  if (!loading) return <RefreshIconButton />;
  return (
    <CircularProgress
      size={18}
      thickness={4}
      color="inherit"
      aria-label={translate('ra.page.loading')}
      sx={{ mx: 1.5 }}
      data-testid="loading"
    />
  );
};

/**
 * react-admin's app bar, whose user menu also changes the signed-in user's password. The page's title in it
 * is the page's one level-one heading (react-admin makes it an h6): the pages' own headings are h2 and below.
 */
export const AppBar = () => (
  // Always in view: its title is the page's h1, which must stay within a screen reader's reach.
  <RaAppBar
    alwaysOn
    toolbar={
      <>
        <LocalesMenuButton />
        <LoadingIndicator />
      </>
    }
    userMenu={
      <UserMenu>
        <ChangePasswordItem />
        <Logout />
      </UserMenu>
    }
  >
    <TitlePortal component="h1" />
  </RaAppBar>
);
