/**
 * `bulk-invite`: the command-line face of the kit. Exit codes: 0 the work was done (whatever the rows
 * held), 1 usage errors, 2 the input or service could not be used; `send` adds 3: some rows were not
 * invited (failed, pending or invalid).
 */
import { Command } from 'commander';
import { registerCheck } from './check.ts';
import { registerMock } from './mock.ts';
import { registerSend } from './send.ts';

const program = new Command()
  .name('bulk-invite')
  .description('Check invite lists, run the vendor mock server, and send bulk invitations.')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 1));

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

registerCheck(program);
registerMock(program);
registerSend(program);

await program.parseAsync(process.argv);
