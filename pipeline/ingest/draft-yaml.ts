import type { Draft } from './draft.ts';

// The draft as YAML for a person to edit: a header saying what to do, a TODO comment on every
// summary, and each piece of evidence on one line. Written directly rather than through the
// `yaml` package's Document API, which takes about 2 s for the 10,000 events of a 1 MB text;
// the shape is fixed and small, and draft-yaml.test.ts parses every draft back with `yaml`.

type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

const HEADER = (file: string) => [
  `# Draft events read from ${file} by \`npm run ingest\`. Nothing here has been checked by a person.`,
  '# For each event: write `summary` in your own words, check everything under `review` (the',
  '# `evidence` gives the words each value was read from), then delete `review`.',
  '# `npm run data -- THIS_FILE.yaml` validates the draft and says what is still missing.',
  '# Evidence offsets are UTF-16 code units into the article as read, after a leading BOM is removed.',
  '',
];

const SUMMARY_TODO = ' # TODO: write a summary in your own words';

// A plain (unquoted) scalar starts with a letter and holds no character YAML could read as
// syntax; in a flow mapping not even a comma. Words YAML reads as booleans or null are quoted.
const PLAIN_BLOCK = /^[A-Za-z](?:[A-Za-z0-9 .,'()/-]*[A-Za-z0-9.)])?$/;
const PLAIN_FLOW = /^[A-Za-z](?:[A-Za-z0-9 .'()/-]*[A-Za-z0-9.)])?$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
// Characters JSON leaves raw but YAML must escape: DEL, C1 controls but NEL, line and paragraph separators.
const UNPRINTABLE = /[\u007F-\u0084\u0086-\u009F\u2028\u2029\uFFFE\uFFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters looked for
const NEEDS_ESCAPE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF\uD800-\uDFFF]/;

function scalar(value: string | number | boolean | null, flow: boolean): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if ((flow ? PLAIN_FLOW : PLAIN_BLOCK).test(value) && !RESERVED.test(value) && !value.includes('  '))
    return value;
  // single quotes read best ('kind: guessed "visit"'), but cannot escape a line break or a control
  if (!NEEDS_ESCAPE.test(value)) return `'${value.replace(/'/g, "''")}'`;
  // a JSON string is a YAML double-quoted scalar once the characters above are escaped too
  return JSON.stringify(value).replace(
    UNPRINTABLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const isRecord = (value: Value): value is { [key: string]: Value } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function flow(value: Value): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([key, v]) => `${key}: ${flow(v)}`).join(', ')} }`;
  }
  return scalar(value ?? null, true);
}

/** Block YAML for a mapping; `flowItems` writes the items of lists below it one per line. */
function block(record: { [key: string]: Value }, indent: string, flowItems: boolean, lines: string[]): void {
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        lines.push(`${indent}${key}: []`);
        continue;
      }
      lines.push(`${indent}${key}:`);
      for (const item of value) {
        if (isRecord(item) && !flowItems) {
          const nested: string[] = [];
          block(item, `${indent}    `, key === 'events', nested);
          lines.push(`${indent}  - ${(nested[0] ?? '').trimStart()}`, ...nested.slice(1));
        } else {
          lines.push(
            `${indent}  - ${isRecord(item) || Array.isArray(item) ? flow(item) : scalar(item ?? null, false)}`,
          );
        }
      }
    } else if (isRecord(value)) {
      lines.push(`${indent}${key}:`);
      block(value, `${indent}  `, flowItems || key === 'evidence', lines);
    } else {
      const comment = key === 'summary' && value === null ? SUMMARY_TODO : '';
      lines.push(`${indent}${key}: ${scalar(value, false)}${comment}`);
    }
  }
}

export function draftToYaml(draft: Draft): string {
  const lines = HEADER(draft.ingest.file);
  block(JSON.parse(JSON.stringify(draft)) as { [key: string]: Value }, '', false, lines);
  return `${lines.join('\n')}\n`;
}
