import type { MessageKey } from './catalogues.ts';

// Message ids are checked: react-intl's `formatMessage({ id })` and `<FormattedMessage id>`
// accept only the English catalogue's keys, so a typo fails the type-check.
declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageKey;
    }
  }
}
