import { useId } from 'react';
import { TextInput, type TextInputProps } from 'react-admin';

/** A free text input that suggests values already in use (a native datalist: nothing to load). */
export const SuggestingTextInput = ({
  suggestions,
  ...props
}: TextInputProps & { suggestions: readonly string[] }) => {
  const listId = useId();
  return (
    <>
      <TextInput {...props} slotProps={{ htmlInput: { list: listId, autoComplete: 'off' } }} />
      <datalist id={listId}>
        {suggestions.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
    </>
  );
};
