import { processIo } from './command-io.ts';
import { geocodeCommand } from './geocode-command.ts';

process.exitCode = geocodeCommand(process.argv.slice(2), processIo);
