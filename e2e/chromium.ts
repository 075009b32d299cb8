import { existsSync } from 'node:fs';

// Tests drive Debian's Chromium rather than a browser Playwright downloads: this machine has no
// network for that download. CHROMIUM_PATH points elsewhere when needed.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // WebGL without a GPU, through SwiftShader.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export function chromiumMissingMessage(): string | undefined {
  if (existsSync(chromiumPath)) return undefined;
  return [
    `No Chromium at ${chromiumPath}.`,
    "The end-to-end tests drive Debian's Chromium. Install it with:",
    '  sudo apt-get update && sudo apt-get install -y chromium',
    'or point CHROMIUM_PATH at another Chromium or Chrome binary.',
  ].join('\n');
}
