import { Card, CardContent, Typography } from '@mui/material';
import { MAX_LENGTH } from '@suiji/domain';
import {
  HttpError,
  PasswordInput,
  SaveButton,
  SimpleForm,
  Title,
  Toolbar,
  maxLength,
  required,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { validatePassword } from '../common/validators';
import { changeMyPassword } from '../providers/authProvider';
import type { GraphQLErrorBody } from '../providers/graphql';
import { readSession } from '../providers/session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

const sameAsNew = (value: unknown, values: Record<string, unknown>) =>
  value && value !== values.newPassword ? 'suiji.password.mismatch' : undefined;

/**
 * The signed-in user changes their own password: the current one, then the new one twice, checked by the
 * domain's policy before it is sent. Every other sign-in of the user ends; this one goes on with a new token.
 */
export const ChangePasswordPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const username = readSession()?.user.username ?? '';

  const onSubmit = async (values: Record<string, unknown>) => {
    const { currentPassword, newPassword } = values as unknown as Values;
    try {
      await changeMyPassword(currentPassword, newPassword);
    } catch (error) {
      // A refused field (wrong current password, a new one the policy refuses) is shown under its input.
      const body = error instanceof HttpError ? (error.body as GraphQLErrorBody | undefined) : undefined;
      if (body?.errors) return body.errors;
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
    notify('suiji.password.changed', { type: 'success' });
    redirect('/');
    return undefined;
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 560 }}>
      <Title title="suiji.password.title" />
      <CardContent>
        <Typography color="text.secondary">{translate('suiji.password.intro')}</Typography>
      </CardContent>
      <SimpleForm
        onSubmit={onSubmit}
        toolbar={
          <Toolbar>
            <SaveButton label="suiji.password.submit" alwaysEnable />
          </Toolbar>
        }
      >
        <PasswordInput
          source="currentPassword"
          label="suiji.password.current"
          validate={[required(), maxLength(MAX_LENGTH.password)]}
          autoComplete="current-password"
        />
        <PasswordInput
          source="newPassword"
          label="suiji.password.new"
          validate={[required(), validatePassword(username)]}
          autoComplete="new-password"
        />
        <PasswordInput
          source="confirmation"
          label="suiji.password.confirm"
          validate={[required(), sameAsNew]}
          autoComplete="new-password"
        />
      </SimpleForm>
    </Card>
  );
};
