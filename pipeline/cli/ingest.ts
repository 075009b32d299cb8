import { processIo } from './command-io.ts';
import { ingestCommand } from './ingest-command.ts';

process.exitCode = ingestCommand(process.argv.slice(2), processIo);
