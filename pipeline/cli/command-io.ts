// Where a command writes and which directory its relative paths start from: the terminal for
// `npm run`, strings for the unit tests, which call the command in-process instead of spawning it.

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/** A command's output kept as strings, for tests. */
export function capturedIo(cwd: string): CommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    cwd,
    out: () => out,
    err: () => err,
  };
}
