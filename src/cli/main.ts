import { Command, CommanderError } from 'commander';
import { RasdError } from '../core/errors.ts';
import { registerAnalyze } from './analyze.ts';
import { registerEval } from './eval.ts';
import { EXIT } from './exit-codes.ts';
import { registerExport } from './export.ts';
import { registerIngest } from './ingest.ts';
import { registerQueue } from './queue.ts';
import { registerSearch } from './search.ts';
import { registerWorker } from './worker.ts';
import { registerServe } from './serve.ts';
import { registerSources } from './sources.ts';
import { registerWatch } from './watch.ts';
import { registerWatchlists } from './watchlist.ts';

/** Builds the `rasd` command line: one file per command, each registering itself here. */
export function buildProgram(): Command {
  const program = new Command('rasd')
    .description('رصد — read Arabic news as the web serves it and turn it into verifiable knowledge')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerAnalyze(program);
  registerEval(program);
  registerIngest(program);
  registerSearch(program);
  registerExport(program);
  registerWorker(program);
  registerQueue(program);
  registerServe(program);
  registerSources(program);
  registerWatchlists(program);
  registerWatch(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (error instanceof RasdError) {
      process.stderr.write(`rasd: ${error.message}\n`);
      process.exitCode = error.code === 'E_USAGE' ? EXIT.usage : EXIT.badInput;
      return;
    }
    throw error;
  }
}

await main(process.argv);
