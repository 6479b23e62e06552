#!/usr/bin/env node
// `npm test` runs this first. Browser tests need Debian's Chromium (Playwright cannot download browsers
// on these machines); the mock server's tests replay the vendors' own curl and Python `requests`
// examples. Whatever is missing is installed with apt-get (as root on Debian), once.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (spawnSync('curl', ['--version']).status !== 0) missing.push('curl');
if (spawnSync('/usr/bin/python3', ['-c', 'import requests']).status !== 0) missing.push('python3-requests');
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(`Missing for the tests: ${missing.join(', ')}. Install them (Debian: apt-get install ${missing.join(' ')}); set CHROMIUM_PATH if Chromium lives elsewhere.`);
  process.exit(1);
}
console.error(`Installing ${missing.join(', ')} with apt-get (about a minute)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
