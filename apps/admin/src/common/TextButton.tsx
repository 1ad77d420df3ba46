import { Button, type ButtonProps } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/**
 * A button that says what it does at every width. react-admin's `Button` turns into a bare icon on a phone
 * (and into an empty one when it has no icon, as in a dialog's actions), which an inspector in the field
 * cannot read; this one keeps its translated label, with the icon before it.
 */
export const TextButton = ({
  label,
  icon,
  size = 'small',
  ...props
}: Omit<ButtonProps, 'children' | 'startIcon'> & { label: string; icon?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Button size={size} startIcon={icon} {...props}>
      {translate(label, { _: label })}
    </Button>
  );
};
