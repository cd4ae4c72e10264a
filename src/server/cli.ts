import { runCli } from './cli/run';

/** `npm run server -- [<command>] ...`: the commands are listed in cli/commands.ts. */
runCli(process.argv.slice(2), {
  stdin: process.stdin,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
