/**
 * The demo: a host dashboard's members screen with the kit's "Invite people" dialog, on the vendor mocks.
 * It uses only the package's public entries (the root and core entries, the React layer, the components)
 * and the mocks, as a host's app would (with `react-bulk-invite/styles.css` imported in main.tsx).
 *
 * Above the page, a strip of demo controls that a host's page would not have: the "Vendor" and "Scenario"
 * pickers, the theme and the language.
 */
import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { BulkInviteDialog } from '../src/components/dialog/index.ts';
import { BulkInviteProvider, english, german } from '../src/react/index.ts';
import { DEMO_SCENARIOS, type DemoMock, type DemoScenario, type MemberRow, type VendorId } from './mock.ts';
import { sampleCsv, sampleList } from './samples.ts';
import { VENDORS, vendorSetup } from './vendors.ts';
import { PAGE_WORDS, type Language } from './words.ts';

export type Theme = 'light' | 'dark';

export interface DemoSettings {
  vendor: VendorId;
  scenario: DemoScenario;
  theme: Theme;
  language: Language;
}

export interface MembersPageProps {
  /** The vendor mocks; whoever runs the page (main.tsx, a story) serves their handlers with msw. */
  mock: DemoMock;
  initial?: Partial<DemoSettings>;
  /** Called with every change of the controls (main.tsx keeps them in the address bar). */
  onSettingsChange?: (settings: DemoSettings) => void;
}

const THEME_CLASSES: Record<Theme, string> = { light: 'rbi-theme-light', dark: 'rbi-theme-dark' };

/**
 * Forces the theme on `<html>`: the dialog is portalled to `<body>`, so the class must sit above both the
 * page and the dialog.
 */
function useThemeClass(theme: Theme): void {
  useEffect(() => {
    const root = document.documentElement;
    root.classList.remove(...Object.values(THEME_CLASSES));
    root.classList.add(THEME_CLASSES[theme]);
  }, [theme]);
}

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The vendor's members, re-read while the page is open (a send adds to them). */
function useMembers(mock: DemoMock, vendor: VendorId): { members: MemberRow[]; refresh: () => void } {
  const read = useCallback(() => mock.members(vendor), [mock, vendor]);
  const [members, setMembers] = useState(read);
  const refresh = useCallback(() => {
    const next = read();
    setMembers((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
  }, [read]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, 1000);
    return () => clearInterval(timer);
  }, [refresh]);
  return { members, refresh };
}

export function MembersPage({ mock, initial, onSettingsChange }: MembersPageProps) {
  const [settings, setSettings] = useState<DemoSettings>(() => {
    const scenario = initial?.scenario ?? mock.scenario;
    if (mock.scenario !== scenario) mock.setScenario(scenario);
    return { vendor: initial?.vendor ?? 'diga', scenario, theme: initial?.theme ?? systemTheme(), language: initial?.language ?? 'en' };
  });
  const { vendor, theme, language } = settings;
  const change = (patch: Partial<DemoSettings>) => {
    const next = { ...settings, ...patch };
    // The mock answers with the chosen scenario from the next request on.
    if (next.scenario !== mock.scenario) mock.setScenario(next.scenario);
    setSettings(next);
    onSettingsChange?.(next);
  };

  useThemeClass(theme);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const words = PAGE_WORDS[language];
  const setup = useMemo(() => vendorSetup(vendor, language, mock), [vendor, language, mock]);
  const { config } = setup;
  const { members, refresh } = useMembers(mock, vendor);

  return (
    // Every option named, even when the vendor has none: the provider's options keep one shape across vendors.
    <BulkInviteProvider
      adapter={config.adapter}
      targets={config.targets}
      roles={config.roles}
      defaultRole={config.defaultRole}
      checkExisting={config.checkExisting}
      resend={config.resend}
      locale={language === 'de' ? german : english}
    >
      <div className="demo-app">
        <DemoControls settings={settings} onChange={change} onReset={() => (mock.reset(), refresh())} />
        <div className="host">
          <nav className="host-nav" aria-label={words.navLabel}>
            <p className="host-brand">
              <span className="host-logo" aria-hidden="true">
                N
              </span>
              {words.product}
            </p>
            <ul>
              {(['overview', 'projects', 'members', 'billing', 'settings'] as const).map((item) => (
                <li key={item}>
                  <a href={`#${item}`} aria-current={item === 'members' ? 'page' : undefined}>
                    {words.nav[item]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main className="host-main" id="members">
            <header className="host-header">
              <div>
                <h1>{words.title}</h1>
                <p className="host-subtitle">{words.subtitle(setup.workspace)}</p>
              </div>
              {/* The key makes a fresh dialog for each vendor: its draft was checked against that vendor's roles. */}
              <BulkInviteDialog key={vendor} onSendEnd={refresh} />
            </header>
            <MembersTable members={members} language={language} />
            <Samples vendor={vendor} language={language} roles={config.roles ?? []} defaultRole={config.defaultRole ?? ''} />
          </main>
        </div>
      </div>
    </BulkInviteProvider>
  );
}

function DemoControls({ settings, onChange, onReset }: { settings: DemoSettings; onChange: (patch: Partial<DemoSettings>) => void; onReset: () => void }) {
  const vendorId = useId();
  const scenarioId = useId();
  return (
    <section className="demo-controls" aria-label="Demo controls">
      <p className="demo-controls-title">react-bulk-invite demo</p>
      <div className="demo-field">
        <label htmlFor={vendorId}>Vendor</label>
        <select id={vendorId} value={settings.vendor} onChange={(event) => onChange({ vendor: event.target.value as VendorId })}>
          {VENDORS.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
      </div>
      <div className="demo-field">
        <label htmlFor={scenarioId}>Scenario</label>
        <select id={scenarioId} value={settings.scenario} onChange={(event) => onChange({ scenario: event.target.value as DemoScenario })}>
          {DEMO_SCENARIOS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <Segmented
        legend="Theme"
        value={settings.theme}
        options={[
          ['light', 'Light'],
          ['dark', 'Dark'],
        ]}
        onChange={(theme) => onChange({ theme })}
      />
      <Segmented
        legend="Language"
        value={settings.language}
        options={[
          ['en', 'English'],
          ['de', 'Deutsch'],
        ]}
        onChange={(language) => onChange({ language })}
      />
      <button type="button" className="demo-reset" onClick={onReset}>
        Reset mock data
      </button>
    </section>
  );
}

/** Two or more radio buttons that look like a toggle. */
function Segmented<T extends string>({ legend, value, options, onChange }: { legend: string; value: T; options: ReadonlyArray<readonly [T, string]>; onChange: (value: T) => void }) {
  const name = useId();
  return (
    <fieldset className="demo-segmented">
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option}>
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

const STATUS_SHAPE: Record<MemberRow['status'], string> = { member: '●', invited: '◐', expired: '○', declined: '✕' };

function MembersTable({ members, language }: { members: readonly MemberRow[]; language: Language }) {
  const words = PAGE_WORDS[language];
  const date = useMemo(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }), [language]);
  const captionId = useId();
  const memberCount = members.filter((m) => m.status === 'member').length;
  const invitedCount = members.filter((m) => m.status === 'invited').length;
  return (
    <div className="host-card">
      <div className="host-card-header">
        <h2 id={captionId}>{words.tableLabel}</h2>
        <p className="host-counts" aria-live="polite">
          {words.counts(memberCount, invitedCount)}
        </p>
      </div>
      {/* Scrolls sideways on a narrow screen: focusable, so the keyboard can scroll it too. */}
      <div className="host-table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="host-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{words.columns.person}</th>
              <th scope="col">{words.columns.role}</th>
              <th scope="col">{words.columns.status}</th>
              <th scope="col">{words.columns.where}</th>
              <th scope="col">{words.columns.since}</th>
            </tr>
          </thead>
          <tbody>
            {members.length === 0 && (
              <tr>
                <td colSpan={5}>{words.empty}</td>
              </tr>
            )}
            {members.map((member) => (
              <tr key={`${member.email}-${member.status}-${member.role}`} data-state={member.status}>
                <th scope="row">
                  <span className="host-person">
                    <span className="host-avatar" aria-hidden="true">
                      {(member.name ?? member.email).slice(0, 1).toUpperCase()}
                    </span>
                    <span>
                      {member.name && <span className="host-name">{member.name}</span>}
                      <span className="host-email">{member.email}</span>
                    </span>
                  </span>
                </th>
                <td>{member.role}</td>
                <td>
                  <span className="host-status" data-state={member.status}>
                    <span aria-hidden="true">{STATUS_SHAPE[member.status]}</span> {words.status[member.status]}
                  </span>
                </td>
                <td>{member.where}</td>
                <td>{member.since ? date.format(new Date(member.since)) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Samples({ vendor, language, roles, defaultRole }: { vendor: VendorId; language: Language; roles: readonly string[]; defaultRole: string }) {
  const words = PAGE_WORDS[language];
  const titleId = useId();
  const list = sampleList(vendor);
  const csv = sampleCsv(vendor, roles, defaultRole);
  const csvUrl = useMemo(() => URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv' })), [csv]);
  useEffect(() => () => URL.revokeObjectURL(csvUrl), [csvUrl]);
  return (
    <section className="host-card" aria-labelledby={titleId}>
      <div className="host-card-header">
        <h2 id={titleId}>{words.samplesTitle}</h2>
      </div>
      <p className="host-help">{words.samplesHelp}</p>
      <div className="host-samples">
        <Sample label={words.samplePaste} text={list} words={words} />
        <Sample label={words.sampleCsv} text={csv} words={words}>
          <a className="host-button" href={csvUrl} download={`people-${vendor}.csv`}>
            {words.download}
          </a>
        </Sample>
      </div>
    </section>
  );
}

function Sample({ label, text, words, children }: { label: string; text: string; words: (typeof PAGE_WORDS)[Language]; children?: ReactNode }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div className="host-sample">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly value={text} rows={10} wrap="off" spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
      <div className="host-sample-actions">
        <button type="button" className="host-button" onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}>
          {copied ? words.copied : words.copy}
        </button>
        {children}
      </div>
    </div>
  );
}
