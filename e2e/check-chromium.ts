import { chromiumMissingMessage } from './chromium.ts';

const missing = chromiumMissingMessage();
if (missing) {
  console.error(missing);
  process.exit(1);
}
