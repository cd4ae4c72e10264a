import { readFileSync } from 'node:fs';
import { ApiError } from '../http/errors';
import { companyFile } from '../setup/company-file';
import { loadCompany, type SetupReport } from '../setup/load';
import { systemClock } from '../timers/clock';
import { CliError, parse, type Command } from './command';
import { DATA_OPTIONS, DATA_USAGE, storeFrom, storeLocation } from './data-options';

const USAGE = `Usage: npm run server -- setup --from <company.json> [--data <dir>]

  Loads a company: merchants, warehouses with the provinces they serve, stores, dealers and their
  price lists, promotions, the catalogue with stock per warehouse, shops with their SKU mappings
  and webhooks, and users (without passwords: give each one with users reset-password).
  All of it or nothing; run it again after editing the file and only what changed is rewritten
  (stock is counted once per SKU and warehouse, existing users are left as they are).
  The format: docs/api.md "Setup"; an example: docs/examples/company.json.

  --from <file>     the company file (JSON)
${DATA_USAGE}`;

function readCompanyFile(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = companyFile.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
  const more =
    parsed.error.issues.length > issues.length ? ` (and ${parsed.error.issues.length - issues.length} more)` : '';
  throw new CliError(`${path} is not a company file: ${issues.join('; ')}${more}`);
}

const reportLines = (report: SetupReport): string[] =>
  Object.entries(report).map(
    ([kind, n]) => `  ${kind.padEnd(17)} ${n.created} created, ${n.changed} changed, ${n.kept} already so`,
  );

export const setupCommand: Command = {
  name: 'setup',
  summary: 'load a company (places, catalogue, shops, users) from a JSON file',
  usage: USAGE,
  async run(args, io) {
    const { values } = parse({ args, options: { ...DATA_OPTIONS, from: { type: 'string' } } });
    if (!values.from) throw new CliError('--from <company.json> is required');
    const file = readCompanyFile(values.from);
    const location = storeLocation(values);
    const store = await storeFrom(values);
    try {
      const report = await loadCompany(store, systemClock, file);
      io.out(`Loaded ${values.from} into ${location.database ? 'the database' : location.dataDir}:`);
      reportLines(report).forEach((line) => io.out(line));
      const users = report.users?.created ?? 0;
      if (users > 0)
        io.out(
          `Give the ${users} new user(s) a password: npm run server -- users reset-password <username> --data ${values.data}`,
        );
    } catch (error) {
      if (error instanceof ApiError) throw new CliError(`${error.message} (${error.code}); nothing was loaded`);
      throw error;
    } finally {
      await store.close();
    }
  },
};
