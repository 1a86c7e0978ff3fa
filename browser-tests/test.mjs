// Browser test of `dossier serve` in headless Debian Chromium, driven by playwright-core.
//
// Ingests testdata/store and examples/articles into a temporary database, starts
// `dossier serve --port 0` on it, then: searches, opens a person page and an article
// page, checks the DOM, checks that an article carrying <script> renders inert, and
// saves screenshots under target/screenshots/. Run it with scripts/browser-test.sh.
//
// Environment: DOSSIER_BIN (default: $CARGO_TARGET_DIR/debug/dossier or
// target/debug/dossier), CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
const bin = process.env.DOSSIER_BIN || path.join(targetDir, 'debug', 'dossier');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = path.join(root, 'target', 'screenshots');
mkdirSync(shots, { recursive: true });

const tmp = mkdtempSync(path.join(tmpdir(), 'dossier-browser-'));
const db = path.join(tmp, 'dossier.db');
let server;
let context;

function step(msg) {
  console.log(`browser-test: ${msg}`);
}

async function startServer() {
  server = spawn(bin, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return await new Promise((resolve, reject) => {
    let buf = '';
    server.stdout.on('data', (d) => {
      buf += d.toString();
      const m = buf.match(/http:\/\/[0-9.]+:\d+\//);
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`dossier serve exited with ${code}`)));
  });
}

async function main() {
  step(`ingest fixtures into ${db}`);
  execFileSync(bin, ['ingest', '--db', db, '--quiet',
    path.join(root, 'testdata', 'store'), path.join(root, 'examples', 'articles')], { stdio: 'inherit' });
  const base = await startServer();
  step(`server at ${base}`);

  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic'],
    viewport: { width: 1100, height: 800 },
  });
  const page = context.pages()[0] || await context.newPage();
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });

  // 1. the search page, a search with the box
  await page.goto(base);
  assert.match(await page.textContent('#summary'), /\d+ articles, \d+ quotes/);
  await page.fill('#q', 'parks');
  await Promise.all([page.waitForURL(/q=parks/), page.click('#go')]);
  const hits = page.locator('#results li.hit');
  assert.ok(await hits.count() >= 1, 'search shows results');
  const marks = await page.locator('#results mark').allTextContents();
  assert.ok(marks.some((m) => m.toLowerCase() === 'parks'), `the hit is highlighted: ${marks}`);
  const speakers = await page.locator('#results .speaker').allTextContents();
  assert.ok(speakers.includes('Anna Petrova'), `speaker shown: ${speakers}`);
  assert.ok((await page.locator('#results .date').allTextContents()).some((d) => /^2026-04-\d\d$/.test(d)));
  await page.screenshot({ path: path.join(shots, 'search.png'), fullPage: true });
  step('search ok');

  // filters: speaker + kind through the form
  await page.fill('#q', '');
  await page.fill('#speaker', 'Okafor');
  await page.selectOption('#kind', 'direct');
  await Promise.all([page.waitForURL(/speaker=Okafor/), page.click('#go')]);
  const filtered = await page.locator('#results .speaker').allTextContents();
  assert.ok(filtered.length >= 1 && filtered.every((s) => s === 'Maria Okafor'), `filtered: ${filtered}`);

  // 2. a person page with quotes on a timeline
  await Promise.all([page.waitForURL(/\/person\/\d+/), page.locator('#results a.speaker').first().click()]);
  assert.equal(await page.textContent('#name'), 'Maria Okafor');
  assert.ok(await page.locator('#quotes blockquote.quote').count() >= 2, 'quotes listed');
  const days = (await page.locator('#quotes .day').allTextContents()).filter((d) => d !== 'undated');
  assert.ok(days.length >= 2, `dated quotes: ${days}`);
  assert.deepEqual(days, [...days].sort().reverse(), 'newest first');
  assert.ok(await page.locator('#bars span').count() >= 2, 'timeline bars');
  assert.match(await page.textContent('#roles'), /Northport Dockworkers Union/);
  await page.screenshot({ path: path.join(shots, 'person.png'), fullPage: true });
  step('person ok');

  // 3. an article with its quotes highlighted and linked to speakers
  await Promise.all([page.waitForURL(/\/article\/\d+/), page.locator('#quotes blockquote a').first().click()]);
  assert.ok(await page.locator('#text mark.q').count() >= 2, 'quotes highlighted in the text');
  const src = page.locator('#text a.src').first();
  assert.match(await src.getAttribute('href'), /^\/person\/\d+$/);
  await page.screenshot({ path: path.join(shots, 'article.png'), fullPage: true });
  step('article ok');

  // 4. the <script> injection article renders inert
  await page.goto(`${base}?q=markup`);
  await Promise.all([page.waitForURL(/\/article\/\d+/), page.locator('#results a.article-link').first().click()]);
  await page.waitForLoadState('load');
  const title = await page.title();
  assert.ok(!title.includes('owned'), `document.title untouched: ${title}`);
  assert.match(await page.textContent('#title'), /<script>alert\('pwned'\)<\/script>/);
  assert.match(await page.textContent('#text'), /<script>document\.title='owned'<\/script>/);
  assert.equal(await page.locator('main script').count(), 0, 'no script element in the page body');
  assert.equal(await page.locator('main b').count(), 0, 'no markup from the article');
  assert.deepEqual(dialogs, [], 'no alert ran');
  const link = await page.locator('.meta a[rel~=nofollow]').count();
  assert.equal(link, 0, 'a javascript: URL is not linked');
  await page.screenshot({ path: path.join(shots, 'injection.png'), fullPage: true });
  step('injection inert');

  // 5. the API answers bad parameters with JSON 4xx
  const res = await page.request.get(`${base}api/search?q=x&limit=0`);
  assert.equal(res.status(), 400);
  assert.ok((await res.json()).error.includes('limit'));
  step(`all checks passed; screenshots in ${shots}`);
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error('browser-test: FAILED:', e);
} finally {
  if (context) await context.close().catch(() => {});
  if (server) server.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
