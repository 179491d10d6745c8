import { useTranslation } from 'react-i18next';
import { refusalText } from '../api/refusal.text';

/**
 * A refusal or failure in words, announced to screen readers as it appears. Takes the error
 * itself, not a string, so that it is re-worded when the language changes.
 */
export function Refusal({ error }: { readonly error: unknown }) {
  const { i18n } = useTranslation();
  return (
    <p role="alert" className="refusal">
      {refusalText(i18n, error)}
    </p>
  );
}
