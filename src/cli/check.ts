/** `bulk-invite check <file|->`: run the intake core on a file and print what it found. */
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import Table from 'cli-table3';
import { checkBytes, checkText, IntakeError, type CheckOptions, type CheckResult, type CheckedRow, type ColumnOverride } from '../core/index.ts';
import { formatIntakeError, formatRowIssue, formatRowWarning } from '../core/messages/intake.ts';
import { byteSize, collect, column, positiveInt } from './arguments.ts';
import { readInput, UnreadableInput, write } from './input.ts';
import { visible } from './terminal.ts';

const DELIMITER_NAMES: Record<string, CheckOptions['delimiter']> = {
  ',': ',', comma: ',', ';': ';', semicolon: ';', '\t': '\t', tab: '\t', '\\t': '\t', '|': '|', pipe: '|',
};

interface CheckFlags {
  format: 'json' | 'table';
  readAs: 'auto' | 'table' | 'list';
  delimiter?: string;
  header?: boolean;
  emailColumn?: number | string;
  nameColumn?: number | string;
  firstNameColumn?: number | string;
  lastNameColumn?: number | string;
  roleColumn?: number | string;
  roles?: string[];
  defaultRole?: string;
  allowDomain?: string[];
  blockDomain?: string[];
  maxRows?: number;
  maxBytes?: number;
  existing?: string;
}

/** The row as the CLI prints it: the documented fields, in a fixed order (`message`: the English for `code` and `params`). */
function publicRow(row: CheckedRow): Record<string, unknown> {
  return {
    line: row.line,
    raw: row.raw,
    email: row.email,
    ...(row.name !== undefined ? { name: row.name } : {}),
    ...(row.firstName !== undefined ? { firstName: row.firstName } : {}),
    ...(row.lastName !== undefined ? { lastName: row.lastName } : {}),
    ...(row.role !== undefined ? { role: row.role } : {}),
    status: row.status,
    ...(row.code !== undefined ? { code: row.code } : {}),
    ...(row.params !== undefined ? { params: row.params } : {}),
    ...(row.message !== undefined ? { message: row.message } : {}),
    ...(row.duplicateOf !== undefined ? { duplicateOf: row.duplicateOf } : {}),
    ...(row.warnings !== undefined ? { warnings: row.warnings } : {}),
  };
}

async function printJson(result: CheckResult): Promise<void> {
  const head = { summary: result.summary, encoding: result.encoding, bom: result.bom, mapping: result.mapping, ignored: result.ignored };
  const opening = JSON.stringify(head).slice(0, -1);
  await write(`${opening},"rows":[`);
  // Rows go out in slices so a million-row result never becomes one giant string.
  for (let i = 0; i < result.rows.length; i += 1000) {
    const slice = result.rows.slice(i, i + 1000).map((row) => JSON.stringify(publicRow(row)));
    await write(`${i === 0 ? '\n' : ',\n'}${slice.join(',\n')}`);
  }
  await write(']}\n');
}

async function printTable(result: CheckResult): Promise<void> {
  const plain = { head: [], border: [] };
  const table = new Table({
    head: ['Line', 'Status', 'Email', 'Name', 'Role', 'Problem or note'],
    wordWrap: true,
    colWidths: [7, 11, 34, 24, 10, 50],
    ...(process.stdout.isTTY ? {} : { style: plain }),
  });
  for (const row of result.rows) {
    // Cells come from the list: a name holding ESC[2J or a bidi override must print, not act.
    // A warning does not change the row's state, but the person must see it before sending.
    const notes = [formatRowIssue(row), ...(row.warnings ?? []).map((warning) => `Note: ${formatRowWarning(warning)}`)].filter(Boolean).join('\n');
    table.push([row.line, row.status, visible(row.email), visible(row.name ?? ''), visible(row.role ?? ''), visible(notes)]);
  }
  const { total, valid, invalid, duplicate } = result.summary;
  const how = result.mapping.format === 'list' ? 'a list of addresses' : `a table (delimiter ${JSON.stringify(result.mapping.delimiter)})`;
  await write(`${table.toString()}\n${total} ${total === 1 ? 'row' : 'rows'}: ${valid} valid, ${invalid} invalid, ${duplicate} duplicate. Read as ${how}${result.encoding ? `, ${result.encoding}` : ''}.\n`);
}

async function readExisting(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new UnreadableInput(`${path}: cannot read the --existing file.`);
  });
  // Any list the intake itself accepts: one address per line, a CSV export, a To: line.
  return checkText(text).rows.filter((row) => row.status !== 'invalid').map((row) => row.email);
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Read a list of people (CSV/TSV file, or a pasted list) and report every row: valid, invalid or duplicate.')
    .argument('<input>', 'file to read, or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('json'))
    .addOption(new Option('--read-as <kind>', 'how to read the input').choices(['auto', 'table', 'list']).default('auto'))
    .option('--delimiter <char>', 'table delimiter: comma, semicolon, tab or pipe (default: detected)')
    .option('--header', 'the first row is a header')
    .option('--no-header', 'the first row is data')
    .option('--email-column <col>', 'column with the address (1-based number or header name)', column)
    .option('--name-column <col>', 'column with the full name', column)
    .option('--first-name-column <col>', 'column with the first name', column)
    .option('--last-name-column <col>', 'column with the last name', column)
    .option('--role-column <col>', 'column with the role', column)
    .option('--roles <roles>', 'roles the target accepts, comma-separated (checked case-insensitively)', collect)
    .option('--default-role <role>', 'role for rows that name none')
    .option('--allow-domain <domain>', 'only invite this domain (repeatable)', collect)
    .option('--block-domain <domain>', 'never invite this domain (repeatable)', collect)
    .option('--max-rows <n>', 'most people that may be invited at once', positiveInt)
    .option('--max-bytes <size>', 'largest input read, e.g. 500MB (default 200MB)', byteSize)
    .option('--existing <file>', 'addresses already members or invited (any list format)')
    .action(async (input: string, flags: CheckFlags, command: Command) => {
      const options: CheckOptions = { format: flags.readAs };
      if (flags.delimiter !== undefined) {
        const delimiter = DELIMITER_NAMES[flags.delimiter];
        if (!delimiter) command.error(`error: unknown delimiter "${flags.delimiter}" (use comma, semicolon, tab or pipe)`);
        options.delimiter = delimiter;
      }
      if (command.getOptionValueSource('header') === 'cli') options.header = flags.header!;
      const columns: ColumnOverride = {};
      if (flags.emailColumn !== undefined) columns.email = flags.emailColumn;
      if (flags.nameColumn !== undefined) columns.name = flags.nameColumn;
      if (flags.firstNameColumn !== undefined) columns.firstName = flags.firstNameColumn;
      if (flags.lastNameColumn !== undefined) columns.lastName = flags.lastNameColumn;
      if (flags.roleColumn !== undefined) columns.role = flags.roleColumn;
      if (Object.keys(columns).length > 0) options.columns = columns;
      if (flags.roles) options.roles = flags.roles;
      if (flags.defaultRole !== undefined) options.defaultRole = flags.defaultRole;
      if (flags.allowDomain) options.allowDomains = flags.allowDomain;
      if (flags.blockDomain) options.blockDomains = flags.blockDomain;
      if (flags.maxRows !== undefined) options.maxRows = flags.maxRows;
      if (flags.maxBytes !== undefined) options.maxBytes = flags.maxBytes;

      let result: CheckResult;
      try {
        if (flags.existing) options.existing = await readExisting(flags.existing);
        result = checkBytes(await readInput(input, options), options);
      } catch (error) {
        if (error instanceof IntakeError && error.code === 'INVALID_OPTIONS') command.error(`error: ${formatIntakeError(error)}`);
        if (error instanceof IntakeError || error instanceof UnreadableInput) {
          const reason = error instanceof IntakeError ? formatIntakeError(error) : error.message;
          process.stderr.write(`bulk-invite: ${visible(reason)}\n`);
          process.exit(2);
        }
        throw error;
      }
      await (flags.format === 'table' ? printTable(result) : printJson(result));
    });
}
