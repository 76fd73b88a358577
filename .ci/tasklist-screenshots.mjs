#!/usr/bin/env node
// Screenshots of the Camunda 7 Tasklist, one login after the other.
//
//   BASE_URL=http://localhost:8080 USERS="inno:demo,clerk:demo" OUT=target/screenshots \
//     node .ci/tasklist-screenshots.mjs
//
// For each user (fresh browser context, so no shared session):
//   1. open ${BASE_URL}/camunda/app/tasklist/default/ and log in via the login form
//   2. wait for the task list        -> <user>-list.png
//   3. click the first task (if any), wait for its form
//      (Camunda Form: .fjs-container; embedded/generic: a <form>) -> <user>-task.png
// Screenshots are full page with a 1400x1000 viewport.
//
// Needs `npm ci --prefix .ci/lint` (playwright-core) and Debian's chromium
// at /usr/bin/chromium (override with CHROMIUM=...). TIMEOUT_MS (default 30000)
// bounds every wait. Exit code 1 if any user could not be logged in or an
// unexpected error happened; a missing task or form only gives a warning.

import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

// playwright-core is installed in .ci/lint/node_modules (ESM imports ignore NODE_PATH)
const require = createRequire(new URL('./lint/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const OUT = process.env.OUT || 'target/screenshots';
const USERS = (process.env.USERS || 'demo:demo')
  .split(',').map(s => s.trim()).filter(Boolean)
  .map(pair => {
    const i = pair.indexOf(':');
    if (i < 1) throw new Error(`USERS entry "${pair}" is not user:password`);
    return { user: pair.slice(0, i), password: pair.slice(i + 1) };
  });
const TIMEOUT = Number(process.env.TIMEOUT_MS || 30000);
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const TASKLIST_URL = `${BASE_URL}/camunda/app/tasklist/default/`;

const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
];

// Camunda 7 webapp markup (camunda-commons-ui login page, cam-tasklist-tasks, cam-tasklist-form)
const SEL = {
  loginForm: 'form.form-signin',
  loginUser: 'form.form-signin input[type="text"]',
  loginPassword: 'form.form-signin input[type="password"]',
  loginSubmit: 'form.form-signin button[type="submit"]',
  loginError: '.form-signin .notifications-panel .alert-danger, .form-signin .alert-danger',
  taskItem: '[cam-tasks] .tasks-list li.task',
  taskLink: '[cam-tasks] .tasks-list li.task h4.task a',
  listEmpty: '[cam-tasks] .well',
  listError: '[cam-tasks] .alert-danger',
  // any of these means the task list area has been rendered
  listReady: '[cam-tasks] .tasks-list, [cam-tasks] .well, [cam-tasks] .alert-danger',
  formReady: [
    '.fjs-container',                                   // Camunda Forms (form-js)
    '[cam-tasklist-form] form',                          // embedded / generic forms
    '[cam-tasklist-form] .alert-danger',                 // form failed to load
    '[cam-tasklist-form] .form-actions button.btn-primary'
  ].join(', ')
};

const log = (...a) => console.log('[screenshots]', ...a);
const safe = (s) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

async function visible(page, selector) {
  return page.locator(selector).first().isVisible().catch(() => false);
}

async function waitAny(page, selector, what) {
  try {
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    return true;
  } catch (err) {
    log(`  WARN: ${what} not visible after ${TIMEOUT} ms (${selector})`);
    return false;
  }
}

async function settle(page) {
  // the webapp keeps polling; don't wait for "networkidle" forever
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(500);
}

async function shoot(page, file) {
  await page.screenshot({ path: file, fullPage: true });
  log(`  wrote ${file}`);
}

async function runUser(browser, { user, password }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', err => log(`  page error: ${err.message.split('\n')[0]}`));

  try {
    log(`user ${user}: open ${TASKLIST_URL}`);
    const resp = await page.goto(TASKLIST_URL, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
    if (resp && resp.status() >= 400) {
      throw new Error(`HTTP ${resp.status()} for ${TASKLIST_URL}`);
    }

    // login (skipped if the page shows the task list already)
    await page.locator(`${SEL.loginForm}, ${SEL.listReady}`).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    if (await visible(page, SEL.loginForm)) {
      log(`user ${user}: logging in`);
      await page.fill(SEL.loginUser, user);
      await page.fill(SEL.loginPassword, password);
      await page.click(SEL.loginSubmit);

      const outcome = await Promise.race([
        page.locator(SEL.listReady).first().waitFor({ state: 'visible', timeout: TIMEOUT }).then(() => 'ok'),
        page.locator(SEL.loginError).first().waitFor({ state: 'visible', timeout: TIMEOUT }).then(() => 'error')
      ]).catch(() => 'timeout');

      if (outcome !== 'ok') {
        await shoot(page, path.join(OUT, `${safe(user)}-login-failed.png`));
        const msg = outcome === 'error'
          ? (await page.locator(SEL.loginError).first().innerText().catch(() => '')).trim()
          : `task list not shown ${TIMEOUT} ms after login`;
        throw new Error(`login failed: ${msg}`);
      }
    } else {
      log(`user ${user}: already logged in`);
    }

    // task list
    await settle(page);
    const count = await page.locator(SEL.taskItem).count();
    if (await visible(page, SEL.listError)) {
      log(`  WARN: task list shows an error: ${(await page.locator(SEL.listError).first().innerText()).trim()}`);
    }
    log(`user ${user}: task list shows ${count} task(s)`);
    await shoot(page, path.join(OUT, `${safe(user)}-list.png`));

    if (!count) {
      log(`user ${user}: no task to open, skipping ${safe(user)}-task.png`);
      return { user, ok: true, tasks: 0 };
    }

    // first task and its form
    const first = (await page.locator(SEL.taskLink).count())
      ? page.locator(SEL.taskLink).first()
      : page.locator(`${SEL.taskItem} .clickable`).first();
    const taskName = (await page.locator(`${SEL.taskItem} h4.task`).first().innerText().catch(() => '')).trim();
    log(`user ${user}: open first task "${taskName}"`);
    await first.click();
    await page.waitForURL(/[?&]task=/, { timeout: TIMEOUT }).catch(() => log('  WARN: URL did not get a task= parameter'));

    const formShown = await waitAny(page, SEL.formReady, 'task form');
    if (formShown) {
      if (await visible(page, '.fjs-container')) {
        // let form-js finish rendering fields
        await page.locator('.fjs-container .fjs-form-field, .fjs-container .fjs-form').first()
          .waitFor({ state: 'visible', timeout: TIMEOUT }).catch(() => {});
        log(`user ${user}: Camunda Form rendered (.fjs-container)`);
      } else if (await visible(page, '[cam-tasklist-form] .alert-danger')) {
        log(`  WARN: form failed: ${(await page.locator('[cam-tasklist-form] .alert-danger').first().innerText()).trim()}`);
      } else {
        log(`user ${user}: task form rendered`);
      }
    }
    await settle(page);
    await shoot(page, path.join(OUT, `${safe(user)}-task.png`));

    return { user, ok: true, tasks: count, form: formShown };
  } catch (err) {
    log(`user ${user}: FAILED: ${err.message.split('\n')[0]}`);
    return { user, ok: false, error: err.message };
  } finally {
    await context.close();
  }
}

async function main() {
  await mkdir(OUT, { recursive: true });
  log(`base ${BASE_URL}, users ${USERS.map(u => u.user).join(', ')}, out ${OUT}, chromium ${EXECUTABLE}`);

  const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: LAUNCH_ARGS, timeout: TIMEOUT });
  log(`browser ${browser.version()}`);

  const results = [];
  try {
    for (const u of USERS) {
      results.push(await runUser(browser, u));
    }
  } finally {
    await browser.close();
  }

  const failed = results.filter(r => !r.ok);
  log(`done: ${results.length - failed.length} of ${results.length} user(s) OK` +
    (failed.length ? `; failed: ${failed.map(f => f.user).join(', ')}` : ''));
  process.exit(failed.length ? 1 : 0);
}

main().catch(err => {
  console.error('[screenshots] FATAL:', err);
  process.exit(1);
});
