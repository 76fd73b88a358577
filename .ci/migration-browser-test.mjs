#!/usr/bin/env node
// The page "Model versions" (moving running instances to a model's newest version, issue 19) in headless Chromium:
//
//   BASE_URL=http://localhost:8080 OUT=target/browser-tests/migration node .ci/migration-browser-test.mjs
//
// against the demo profile (every model has one version there: nothing to move). Steps, asserted and photographed:
//   1. the process designer logs in to the Tasklist and opens /staff/migrations: every model with its newest
//      version and the instances on older ones, and the note on called stages        -> 01-models.png
//   2. the main model's page: no older version runs, nothing to move, no button        -> 02-idea-to-service.png
//   3. an innovation officer is refused the page (403)                                 -> 03-refused-officer.png
// Needs `npm ci --prefix .ci/lint` (playwright-core) and Debian's chromium (CHROMIUM=...).

import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(new URL('./lint/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const OUT = process.env.OUT || 'target/browser-tests/migration';
const TIMEOUT = Number(process.env.TIMEOUT_MS || 30000);
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=en-US'];
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;

const log = (...a) => console.log('[migration]', ...a);
const oneLine = (s) => (s || '').replace(/\s+/g, ' ').trim();

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function loginToTasklist(page, user, password) {
  await page.goto(TASKLIST, { waitUntil: 'domcontentloaded' });
  const form = page.locator('form[name="signinForm"]');
  await form.waitFor({ state: 'visible' });
  await page.waitForTimeout(800); // the login view re-renders once and may steal the focus
  for (let attempt = 0; attempt < 3; attempt++) {
    await form.locator('input[type="text"]').fill(user);
    await form.locator('input[type="password"]').fill(password);
    if ((await form.locator('input[type="text"]').inputValue()) === user) break;
    await page.waitForTimeout(800);
  }
  await form.locator('button[type="submit"]').click();
  await page.locator('[cam-tasks] .tasks-list, [cam-tasks] .well').filter({ visible: true }).first()
    .waitFor({ state: 'visible' });
  log(`  ${user} logged in to the Tasklist`);
}

async function as(browser, user, steps) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  try {
    await loginToTasklist(page, user, 'demo');
    await steps(page);
  } catch (err) {
    await page.screenshot({ path: path.join(OUT, `failure-${user}.png`), fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
  }
}

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: EXECUTABLE, args: LAUNCH_ARGS });
try {
  await as(browser, 'desi', async (page) => {
    let response = await page.goto(`${BASE_URL}/staff/migrations`);
    check(response.status() === 200, `/staff/migrations answered ${response.status()} to the designer`);
    const models = oneLine(await page.locator('table.models').innerText());
    for (const key of ['idea-to-service', 'idea-screening', 'prototype', 'service-approval', 'send-notification']) {
      check(models.includes(key), `${key} is not listed: ${models}`);
    }
    check(oneLine(await page.locator('main').innerText()).includes('does not move the stages they have called'),
      'no word on called stages');
    await page.screenshot({ path: path.join(OUT, '01-models.png'), fullPage: true });
    await page.locator('#model-idea-to-service a').click();
    await page.waitForURL(/\/staff\/migrations\/idea-to-service$/);
    const main = oneLine(await page.locator('main').innerText());
    check(main.includes('No instance runs on an older version'), `the main model's page: ${main}`);
    check(await page.getByRole('button', { name: /^Move / }).count() === 0, 'a move button with nothing to move');
    await page.screenshot({ path: path.join(OUT, '02-idea-to-service.png'), fullPage: true });
    log('  the designer sees the models and the main model\'s plan');
  });
  await as(browser, 'inno', async (page) => {
    const response = await page.goto(`${BASE_URL}/staff/migrations`);
    check(response.status() === 403, `/staff/migrations answered ${response.status()} to an innovation officer`);
    await page.screenshot({ path: path.join(OUT, '03-refused-officer.png'), fullPage: true });
    log('  an innovation officer is refused');
  });
  log('passed');
} catch (err) {
  log(`FAILED: ${err.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
