/**
 * What each public entry exports, pinned: the runtime names exactly (adding or dropping one fails here
 * until this list says so), the type names one by one, and the internal tools that must stay out.
 * Checked by vitest's typecheck project (`npm test`). `public-api.test.ts` checks that every type the
 * exports use is exported; `package.test.ts` imports the built package by name.
 */
import { describe, expectTypeOf, test } from 'vitest';
import * as root from './index.ts';
import * as core from './core/index.ts';
import * as testing from './core/testing/index.ts';
import type * as worker from './core/intake/worker.ts';

type CoreValues =
  | 'InviteError'
  | 'IntakeError'
  | 'checkText'
  | 'checkBytes'
  | 'checkFile'
  | 'checkStream'
  | 'checkAddress'
  | 'DEFAULT_MAX_BYTES'
  | 'createInviteDraft'
  | 'formatMessage'
  | 'englishMessages'
  | 'formatIntakeError'
  | 'formatRowIssue'
  | 'formatRowWarning'
  | 'formatOutcome'
  | 'formatStopReason'
  | 'INVALID_EMAIL_REASONS'
  | 'ROW_ISSUE_CODES'
  | 'ROW_WARNING_CODES'
  | 'INTAKE_ERROR_CODES'
  | 'RESULT_CODES'
  | 'INVITE_ERROR_CODES'
  | 'inviteesFromRows'
  | 'plan'
  | 'createInviteRun'
  | 'restoreInviteRun'
  | 'RunActiveError'
  | 'createRateLimiter'
  | 'resultRows'
  | 'resultsToCsv'
  | 'resultsToJson'
  | 'viewResults'
  | 'resultRowsToCsv'
  | 'TABLE_CSV_COLUMNS';

type AdapterValues = 'createDigaAdapter' | 'createWixAdapter' | 'createConfidentAiAdapter' | 'loadConfidentAiRoles' | 'createAthenaAdapter';
type ReactValues =
  | 'useInviteDraft'
  | 'useInviteRun'
  | 'useInviteSending'
  | 'useResultsView'
  | 'BulkInviteProvider'
  | 'useBulkInviteConfig'
  | 'useWords'
  | 'english'
  | 'german'
  | 'BulkInviteDialog'
  | 'BulkInvite'
  | 'InviteResultsTable';

describe('react-bulk-invite/core', () => {
  test('runtime exports, exactly', () => {
    expectTypeOf<keyof typeof core>().toEqualTypeOf<CoreValues>();
  });

  test('the adapter contract', () => {
    expectTypeOf<core.InviteAdapter['send']>().parameters.toEqualTypeOf<[readonly core.Invitee[], (core.SendContext | undefined)?]>();
    expectTypeOf<core.InviteAdapter['send']>().returns.resolves.toEqualTypeOf<core.AddressOutcome[]>();
    expectTypeOf<core.AddressOutcome['status']>().toEqualTypeOf<core.AddressStatus>();
    expectTypeOf<core.AddressOutcome['code']>().toEqualTypeOf<core.OutcomeCode | undefined>();
    expectTypeOf<core.InviteError>().toMatchTypeOf<Error>();
    expectTypeOf<core.InviteError['code']>().toEqualTypeOf<core.InviteErrorCode>();
    expectTypeOf<typeof core.InviteError>().constructorParameters.toEqualTypeOf<[core.InviteErrorCode, string, core.InviteErrorOptions?]>();
    expectTypeOf<core.AdapterConnection>().toHaveProperty('baseUrl');
    expectTypeOf<core.AddressOutcome['vendorMessage']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<core.AddressOutcome['notInAnswer']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<core.InviteErrorOptions>().toMatchTypeOf<core.InviteErrorFacts>();
    expectTypeOf<core.InviteError['vendorMessage']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<core.InviteErrorFacts['unsendable']>['problem']>().toEqualTypeOf<core.HeaderProblem>();
  });

  test('intake types', () => {
    expectTypeOf(core.checkText).parameters.toEqualTypeOf<[string, core.CheckOptions?]>();
    expectTypeOf(core.checkText).returns.toEqualTypeOf<core.CheckResult>();
    expectTypeOf<core.CheckResult['rows']>().items.toEqualTypeOf<core.CheckedRow>();
    expectTypeOf<core.CheckResult['summary']>().toEqualTypeOf<core.Summary>();
    expectTypeOf<core.CheckResult['mapping']>().toEqualTypeOf<core.MappingReport>();
    expectTypeOf<core.CheckResult['ignored']>().items.toEqualTypeOf<core.IgnoredLine>();
    expectTypeOf<core.CheckedRow['status']>().toEqualTypeOf<core.RowStatus>();
    expectTypeOf<core.CheckedRow['code']>().toEqualTypeOf<core.RowIssueCode | undefined>();
    expectTypeOf<NonNullable<core.CheckedRow['warnings']>>().items.toEqualTypeOf<core.RowWarning>();
    expectTypeOf<core.RowWarning['code']>().toEqualTypeOf<core.RowWarningCode>();
    expectTypeOf<core.CheckOptions>().toMatchTypeOf<core.RowRules & core.LayoutOptions>();
    expectTypeOf<NonNullable<core.CheckOptions['existing']>>().toMatchTypeOf<Iterable<core.ExistingEntry>>();
    expectTypeOf<NonNullable<core.CheckOptions['columns']>>().toEqualTypeOf<core.ColumnOverride>();
    expectTypeOf<core.MappingReport['columns']>().toEqualTypeOf<core.ColumnMapping>();
    expectTypeOf<core.ColumnMapping>().toEqualTypeOf<Partial<Record<core.Field, core.ColumnChoice>>>();
    expectTypeOf<core.MappingReport['delimiter']>().toEqualTypeOf<core.Delimiter | undefined>();
    expectTypeOf<NonNullable<core.MappingReport['otherAddressColumns']>>().items.toEqualTypeOf<core.OtherAddressColumn>();
    expectTypeOf<core.CheckResult['encoding']>().toEqualTypeOf<core.TextEncodingName | undefined>();
    expectTypeOf(core.checkStream).returns.resolves.toEqualTypeOf<core.StreamResult>();
    expectTypeOf<NonNullable<core.StreamOptions['onProgress']>>().parameter(0).toEqualTypeOf<core.StreamProgress>();
    expectTypeOf(core.checkAddress).returns.toEqualTypeOf<core.AddressCheck>();
    expectTypeOf<core.IntakeError['code']>().toEqualTypeOf<core.IntakeErrorCode>();
    expectTypeOf<core.IntakeErrorParams>().toHaveProperty('BINARY_FILE');
    expectTypeOf<core.IntakeErrorParams['SPREADSHEET_FILE']['kind']>().toEqualTypeOf<core.SpreadsheetKind>();
    expectTypeOf<core.IntakeErrorParams['INVALID_OPTIONS']>().toEqualTypeOf<core.InvalidOptionsParams>();
    expectTypeOf<typeof core.IntakeError>().constructorParameters.toEqualTypeOf<core.IntakeErrorArgs>();
    expectTypeOf<core.BinaryKind>().toExtend<string>();
    expectTypeOf<core.RowWarningParams>().toBeObject();
    expectTypeOf<core.AddressProblemCode>().toExtend<core.RowIssueCode>();
    expectTypeOf<core.CheckedRow['params']>().toEqualTypeOf<core.AnyRowIssueParams | undefined>();
    expectTypeOf<core.AnyRowIssueParams>().toEqualTypeOf<core.RowIssueParams[core.RowIssueCode]>();
    expectTypeOf<core.RowIssueParams['INVALID_EMAIL']>().toEqualTypeOf<core.InvalidEmailParams>();
    expectTypeOf<core.InvalidEmailParams['reason']>().toEqualTypeOf<core.InvalidEmailReason>();
    expectTypeOf<core.RowIssueParams['EMAIL_TOO_LONG']>().toEqualTypeOf<core.EmailTooLongParams>();
    expectTypeOf<core.RowIssueParams['MISSING_EMAIL']>().toEqualTypeOf<core.MissingEmailParams>();
    expectTypeOf<core.RowIssueOf<'DUPLICATE'>>().toEqualTypeOf<{ code: 'DUPLICATE'; params: core.RowIssueParams['DUPLICATE'] }>();
    expectTypeOf<core.AddressProblem>().toEqualTypeOf<core.RowIssueOf<core.AddressProblemCode>>();
  });

  test('the draft', () => {
    expectTypeOf(core.createInviteDraft).parameters.toEqualTypeOf<[core.InviteDraftOptions?]>();
    expectTypeOf(core.createInviteDraft).returns.toEqualTypeOf<core.InviteDraft>();
    expectTypeOf<core.InviteDraft['getSnapshot']>().returns.toEqualTypeOf<core.DraftSnapshot>();
    expectTypeOf<core.InviteDraft['load']>().parameters.toEqualTypeOf<[core.DraftInput, core.LoadOptions?]>();
    expectTypeOf<core.InviteDraft['load']>().returns.resolves.toEqualTypeOf<core.LoadOutcome>();
    expectTypeOf<core.InviteDraft['edit']>().parameter(1).toEqualTypeOf<core.RowPatch>();
    expectTypeOf<core.InviteDraft['toInvitees']>().returns.toEqualTypeOf<core.Invitee[]>();
    expectTypeOf<core.DraftSnapshot['rows']>().items.toEqualTypeOf<core.DraftRow>();
    expectTypeOf<core.DraftSnapshot['summary']>().toEqualTypeOf<Readonly<core.DraftSummary>>();
    expectTypeOf<core.DraftSnapshot['sources']>().items.toEqualTypeOf<core.DraftSource>();
    expectTypeOf<core.DraftSnapshot['status']>().toEqualTypeOf<core.DraftStatus>();
    expectTypeOf<core.DraftSnapshot['error']>().toEqualTypeOf<core.DraftError | undefined>();
    expectTypeOf<core.DraftRow['suggestion']>().toEqualTypeOf<core.DomainSuggestion | undefined>();
    expectTypeOf<core.DraftRow>().toMatchTypeOf<core.CheckedRow>();
  });

  test('sending types', () => {
    expectTypeOf(core.createInviteRun).parameters.toEqualTypeOf<[readonly core.Invitee[], core.RunOptions?]>();
    expectTypeOf(core.createInviteRun).returns.toEqualTypeOf<core.InviteRun>();
    expectTypeOf<core.InviteRun['send']>().parameter(0).toEqualTypeOf<core.SendOptions>();
    expectTypeOf<core.InviteRun['getSnapshot']>().returns.toEqualTypeOf<core.RunSnapshot>();
    expectTypeOf<core.InviteRun['serialize']>().returns.toEqualTypeOf<core.SerializedRun>();
    expectTypeOf<core.SerializedRun['records']>().items.toEqualTypeOf<core.SerializedRecord>();
    expectTypeOf<core.RunSnapshot['status']>().toEqualTypeOf<core.RunStatus>();
    expectTypeOf<core.RunSnapshot['counts']>().toEqualTypeOf<Readonly<core.OutcomeCounts>>();
    expectTypeOf<core.RunSnapshot['requests']>().toEqualTypeOf<Readonly<core.RequestCounts>>();
    expectTypeOf<core.RunSnapshot['outcomes']>().items.toEqualTypeOf<core.AddressRecord>();
    expectTypeOf<core.RunSnapshot['stopReason']>().toEqualTypeOf<core.StopReason | undefined>();
    expectTypeOf<core.AddressRecord['status']>().toEqualTypeOf<core.OutcomeStatus>();
    expectTypeOf<core.AddressRecord['code']>().toEqualTypeOf<core.ResultCode | undefined>();
    expectTypeOf<core.EngineCode>().toExtend<core.ResultCode>();
    expectTypeOf<core.SendOptions['rateLimit']>().toEqualTypeOf<core.RateLimit | core.RateLimiter | false | undefined>();
    expectTypeOf<core.SendOptions['retry']>().toEqualTypeOf<Partial<core.RetryPolicy> | undefined>();
    expectTypeOf<core.RunOptions['clock']>().toEqualTypeOf<core.Clock | undefined>();
    expectTypeOf(core.createRateLimiter).parameters.toEqualTypeOf<[core.RateLimit?, core.Clock?]>();
    expectTypeOf(core.plan<core.Invitee>).returns.items.toEqualTypeOf<core.Batch<core.Invitee>>();
    expectTypeOf<core.PlanOptions>().toBeObject();
    expectTypeOf(core.resultRows).returns.items.toEqualTypeOf<core.ResultRow>();
    expectTypeOf(core.resultsToJson).returns.toEqualTypeOf<core.ResultsJson>();
    expectTypeOf<core.ResultsJson['summary']>().toEqualTypeOf<core.ResultsSummary>();
    expectTypeOf<core.ResultRow['status']>().toEqualTypeOf<core.ExportStatus>();
    expectTypeOf(core.resultsToCsv).parameter(1).toEqualTypeOf<core.CsvOptions | undefined>();
    expectTypeOf<core.CsvOptions>().toMatchTypeOf<core.ExportOptions>();
  });

  test('run outcomes as codes with params, worded by the message table', () => {
    expectTypeOf<core.AddressRecord['params']>().toEqualTypeOf<core.AnyOutcomeParams | undefined>();
    expectTypeOf<core.AddressRecord['vendorMessage']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<core.AnyOutcomeParams>().toEqualTypeOf<core.OutcomeParams[core.ResultCode] | core.PendingParams[core.InviteErrorCode]>();
    expectTypeOf<core.OutcomeParams['VENDOR_REJECTED']>().toEqualTypeOf<core.VendorOutcomeParams['VENDOR_REJECTED']>();
    expectTypeOf<core.OutcomeParams['SERVER_ERROR']>().toEqualTypeOf<core.RequestFailureParams>();
    expectTypeOf<core.OutcomeParams['ADAPTER_ERROR']>().toEqualTypeOf<core.AdapterErrorParams>();
    expectTypeOf<core.RunStopParams['CONNECT_FAILED']>().toEqualTypeOf<core.UnreachableParams>();
    expectTypeOf<core.OutcomeOf<'UNCERTAIN'>>().toEqualTypeOf<{ code: 'UNCERTAIN'; params: Record<string, never>; message: string }>();
    expectTypeOf<core.StopReason['code']>().toEqualTypeOf<core.InviteErrorCode>();
    expectTypeOf<core.RunSnapshot['waiting']>().toEqualTypeOf<Readonly<core.RunWaiting> | undefined>();
    expectTypeOf<core.RunWaiting['reason']>().toEqualTypeOf<keyof core.RunWaitParams>();
    expectTypeOf<core.MessageParams['runError.RUN_ACTIVE']>().toEqualTypeOf<core.RunErrorParams['RUN_ACTIVE']>();
    expectTypeOf<core.MessageParams['export.NOT_IN_RUN']>().toEqualTypeOf<core.ExportParams['NOT_IN_RUN']>();
    expectTypeOf(core.formatOutcome).returns.toEqualTypeOf<string | undefined>();
    expectTypeOf(core.formatStopReason).parameters.toEqualTypeOf<[core.StopReason, core.MessageOverrides?]>();
    expectTypeOf(core.RESULT_CODES).items.toEqualTypeOf<core.ResultCode>();
    expectTypeOf<core.ExportOptions['messages']>().toEqualTypeOf<core.MessageOverrides | undefined>();
  });

  test('internal tools stay out', () => {
    // @ts-expect-error clocks are internal (the type `Clock` is public; the system clock is not)
    expectTypeOf(core.systemClock);
    // @ts-expect-error sleep is internal
    expectTypeOf(core.sleep);
    // @ts-expect-error the virtual clock is in react-bulk-invite/testing
    expectTypeOf(core.createVirtualClock);
    // @ts-expect-error the fake vendor is in react-bulk-invite/testing
    expectTypeOf(core.createFakeVendor);
    // @ts-expect-error retry internals
    expectTypeOf(core.retryDelay);
    // @ts-expect-error retry internals
    expectTypeOf(core.DEFAULT_RETRY_POLICY);
    // @ts-expect-error retry internals
    expectTypeOf(core.isRetryable);
    // @ts-expect-error message constants
    expectTypeOf(core.CONFIRMED_MESSAGE);
    // @ts-expect-error message constants
    expectTypeOf(core.UNCERTAIN_MESSAGE);
    // @ts-expect-error the English table's parts (the whole table is `englishMessages`)
    expectTypeOf(core.enRun);
    // @ts-expect-error intake steps (the row checker) are internal
    expectTypeOf(core.createRowChecker);
    // @ts-expect-error intake steps (layout detection) are internal
    expectTypeOf(core.detectLayout);
    // @ts-expect-error intake steps (decoding) are internal: checkBytes reports the encoding
    expectTypeOf(core.decodeBytes);
    // @ts-expect-error adapters live in the root entry
    expectTypeOf(core.createDigaAdapter);
  });
});

describe('react-bulk-invite', () => {
  test('runtime exports, exactly: the core and the adapter factories', () => {
    expectTypeOf<keyof typeof root>().toEqualTypeOf<CoreValues | AdapterValues | ReactValues>();
  });

  test('the factories, their options and what they return', () => {
    expectTypeOf(root.createDigaAdapter).parameters.toEqualTypeOf<[root.DigaAdapterOptions?]>();
    expectTypeOf(root.createDigaAdapter).returns.toEqualTypeOf<root.InviteAdapter>();
    expectTypeOf(root.createWixAdapter).parameters.toEqualTypeOf<[root.WixAdapterOptions]>();
    expectTypeOf(root.createWixAdapter).returns.toEqualTypeOf<root.WixAdapter>();
    expectTypeOf<root.WixAdapter['resendInvite']>().returns.resolves.toEqualTypeOf<root.WixSiteInvite>();
    expectTypeOf(root.createConfidentAiAdapter).parameters.toEqualTypeOf<[root.ConfidentAiAdapterOptions]>();
    expectTypeOf(root.loadConfidentAiRoles).returns.resolves.toEqualTypeOf<Record<string, string>>();
    expectTypeOf(root.createAthenaAdapter).parameters.toEqualTypeOf<[root.AthenaAdapterOptions]>();
    expectTypeOf<root.AthenaAdapterOptions['inviteMethod']>().toEqualTypeOf<root.AthenaInviteMethod>();
    for (const options of [{} as root.DigaAdapterOptions, {} as root.WixAdapterOptions, {} as root.ConfidentAiAdapterOptions, {} as root.AthenaAdapterOptions]) {
      expectTypeOf(options).toMatchTypeOf<root.AdapterConnection>();
    }
  });

  test('adapter internals stay out', () => {
    // @ts-expect-error vendor paths
    expectTypeOf(root.DIGA_BULK_PATH);
    // @ts-expect-error vendor paths
    expectTypeOf(root.ATHENA_BULK_INVITE_PATH);
    // @ts-expect-error header names
    expectTypeOf(root.CONFIDENT_AI_KEY_HEADER);
    // @ts-expect-error base URLs
    expectTypeOf(root.WIX_BASE_URL);
    // @ts-expect-error the HTTP helpers
    expectTypeOf(root.callVendor);
    // @ts-expect-error the HTTP helpers
    expectTypeOf(root.redact);
  });
});

describe('react-bulk-invite/testing', () => {
  test('runtime exports, exactly', () => {
    expectTypeOf<keyof typeof testing>().toEqualTypeOf<'createVirtualClock' | 'createFakeVendor'>();
  });

  test('their types', () => {
    expectTypeOf(testing.createVirtualClock).parameters.toEqualTypeOf<[testing.VirtualClockOptions?]>();
    expectTypeOf(testing.createVirtualClock).returns.toEqualTypeOf<testing.VirtualClock>();
    expectTypeOf<testing.VirtualClock>().toMatchTypeOf<core.Clock>();
    expectTypeOf(testing.createFakeVendor).parameters.toEqualTypeOf<[testing.FakeVendorOptions?]>();
    expectTypeOf(testing.createFakeVendor).returns.toEqualTypeOf<testing.FakeVendor>();
    expectTypeOf<testing.FakeVendor>().toMatchTypeOf<core.InviteAdapter>();
    expectTypeOf<testing.FakeVendor['log']>().items.toEqualTypeOf<testing.FakeLogEntry>();
    expectTypeOf<NonNullable<testing.FakeVendorOptions['fault']>>().parameter(0).toEqualTypeOf<testing.FakeRequest>();
    expectTypeOf<NonNullable<testing.FakeVendorOptions['fault']>>().returns.toEqualTypeOf<testing.FakeFault | null | undefined>();
  });
});

describe('react-bulk-invite/intake/worker', () => {
  test('a Web Worker module: message types only, no runtime exports', () => {
    expectTypeOf<keyof typeof worker>().toEqualTypeOf<never>();
    expectTypeOf<worker.IntakeRequest['options']>().toEqualTypeOf<core.CheckOptions | undefined>();
    expectTypeOf<Extract<worker.IntakeReply, { type: 'rows' }>['rows']>().items.toEqualTypeOf<core.CheckedRow>();
    expectTypeOf<Extract<worker.IntakeReply, { type: 'error' }>['code']>().toEqualTypeOf<core.IntakeErrorCode | 'UNEXPECTED'>();
  });
});
