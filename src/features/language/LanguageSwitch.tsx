import { useId } from 'react';
import { useIntl } from 'react-intl';
import type { Language } from '../../i18n/catalogues.ts';
import { LANGUAGES } from '../../i18n/catalogues.ts';
import { LANGUAGE_NAMES, localeTag } from '../../i18n/language.ts';
import './language-switch.css';

/**
 * The interface language, as the view's `lang`: the caller writes it to the view, so the URL (and
 * an embed's `state`) carries the choice. Each language is named in itself.
 */
export function LanguageSwitch({
  value,
  onChange,
}: {
  value: Language;
  onChange: (language: Language) => void;
}) {
  const intl = useIntl();
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {intl.formatMessage({ id: 'language.label' })}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={localeTag(language)}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </span>
  );
}
