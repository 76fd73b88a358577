#!/usr/bin/env node
// Screenshots of the Camunda 7 Tasklist, one login after the other.
//
//   BASE_URL=http://localhost:8080 USERS="inno:demo,clerk:demo" OUT=target/screenshots \
//     node .ci/tasklist-screenshots.mjs
//
// For each user (fresh browser context, so no shared session):
//   1. open ${BASE_URL}/camunda/app/tasklist/default/ and log in via the login form
//   2. wait for the task list        -> <user>-list.png
//   3. open a task, wait for its form
//      (Camunda Form: .fjs-container; embedded/generic: a <form>) -> <user>-task.png
//      Without TASK: the first task of the default filter. With TASK (optional,
//      case-insensitive substring of the task name): the first task whose name
//      contains it -> <user>-task-<TASK>.png. If the default filter has no
//      (matching) task, the other filters are tried in order (e.g. group tasks
//      live in "My group's tasks", not in "My tasks").
// Screenshots use a 1400 px wide viewport, at least 1000 px high; the Tasklist
// scrolls inside its columns (not the page), so the viewport is grown until no
// column has hidden content left, then a full-page shot is taken.
// The filter names shown on the left are logged per user.
//
// Nothing is claimed, saved or completed: the script only looks.
//
// Needs `npm ci --prefix .ci/lint` (playwright-core) and Debian's chromium
// at /usr/bin/chromium (override with CHROMIUM=...). TIMEOUT_MS (default 30000)
// bounds every wait. Exit code 1 if any user could not be logged in or an
// unexpected error happened; a missing task or form only gives a warning.
//
//   USERS="champ:demo" TASK="milestone" OUT=/tmp/shots node .ci/tasklist-screenshots.mjs

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
const TASK = (process.env.TASK || '').trim();
const MAX_HEIGHT = 8000;

const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
];

// Camunda 7.24 webapp markup (checked against the running webapp):
// - login: camunda-commons-ui auth/page/login.html + form.html:
//     <div class="form-signin"> ... <form name="signinForm"> <input type="text" placeholder="Username">
//     <input type="password" placeholder="Password"> <button type="submit">Log in</button>
//   (the <form> itself has no class; .form-signin is the surrounding <div>)
// - a failed login shows an .alert-danger ("Login Failed: Unauthorized") in the
//   page-wide notifications panel, not inside the form
// - filters: [cam-tasklist-filters] .task-filter h4.name a ("My tasks <counter>")
// - tasks:   [cam-tasks] ol.tasks-list li.task h4.task a; empty: [cam-tasks] .well
// - form:    [cam-tasklist-form] [cam-tasklist-form-camunda] .fjs-container (Camunda Forms)
const SEL = {
  loginForm: 'form[name="signinForm"]',
  loginUser: 'form[name="signinForm"] input[type="text"]',
  loginPassword: 'form[name="signinForm"] input[type="password"]',
  loginSubmit: 'form[name="signinForm"] button[type="submit"]',
  loginError: '.page-notifications .alert-danger, .form-signin .alert-danger',
  filterItem: '[cam-tasklist-filters] .task-filter',
  filterName: 'h4.name a',
  taskItem: '[cam-tasks] .tasks-list li.task',
  taskLink: '[cam-tasks] .tasks-list li.task h4.task a',
  listEmpty: '[cam-tasks] .well',
  listError: '[cam-tasks] .alert-danger',
  // any of these means the task list area has been rendered
  listReady: '[cam-tasks] .tasks-list, [cam-tasks] .well, [cam-tasks] .alert-danger',
  taskTitle: '[cam-tasklist-task] .task-card h2.task',
  formError: '[cam-tasklist-form] .alert-danger',
  formReady: [
    '[cam-tasklist-form] .fjs-container',                // Camunda Forms (form-js)
    '[cam-tasklist-form] [cam-tasklist-form-generic]',   // generic form
    '[cam-tasklist-form] form',                          // embedded forms
    '[cam-tasklist-form] .alert-danger',                 // form failed to load
    '[cam-tasklist-form] .form-actions button.btn-primary'
  ].join(', ')
};

const log = (...a) => console.log('[screenshots]', ...a);
const safe = (s) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oneLine = (s) => (s || '').replace(/\s+/g, ' ').trim();

// first *visible* match: the webapp keeps hidden (ng-hide) alerts and loaders
// in the DOM ahead of the real content, so a plain .first() would often pick one
// of those and wait for it forever
function shown(page, selector) {
  return page.locator(selector).filter({ visible: true }).first();
}

async function visible(page, selector) {
  return page.locator(selector).filter({ visible: true }).count().then(n => n > 0).catch(() => false);
}

async function waitAny(page, selector, what) {
  try {
    await shown(page, selector).waitFor({ state: 'visible', timeout: TIMEOUT });
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

// The Tasklist is a fixed-height three-column layout whose columns scroll
// internally, so a plain fullPage shot cuts the form off at the viewport.
// Grow the viewport until no element has hidden vertical overflow.
async function fitViewport(page) {
  const width = page.viewportSize().width;
  for (let i = 0; i < 4; i++) {
    const hidden = await page.evaluate(() => {
      let max = 0;
      for (const el of document.querySelectorAll('body *')) {
        const oy = getComputedStyle(el).overflowY;
        if ((oy === 'auto' || oy === 'scroll') && el.clientHeight > 0) {
          max = Math.max(max, el.scrollHeight - el.clientHeight);
        }
      }
      return max;
    });
    const height = page.viewportSize().height;
    if (hidden <= 1 || height >= MAX_HEIGHT) break;
    await page.setViewportSize({ width, height: Math.min(MAX_HEIGHT, height + hidden + 20) });
    await page.waitForTimeout(300);
  }
}

async function shoot(page, file) {
  // no focus ring on the link that was just clicked
  await page.evaluate(() => document.activeElement && document.activeElement.blur && document.activeElement.blur()).catch(() => {});
  await fitViewport(page);
  await page.screenshot({ path: file, fullPage: true });
  log(`  wrote ${file}`);
}

// filter names as listed on the left, without the task counter of the active one
async function filterNames(page) {
  return page.locator(`${SEL.filterItem} ${SEL.filterName}`).evaluateAll(links => links.map(a => {
    const copy = a.cloneNode(true);
    copy.querySelectorAll('.counter').forEach(c => c.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  })).catch(() => []);
}

// click a filter and wait until its task list has been fetched and rendered
async function focusFilter(page, index) {
  const item = page.locator(SEL.filterItem).nth(index);
  const listed = page.waitForResponse(r => /\/filter\/[^/]+\/list/.test(r.url()), { timeout: TIMEOUT }).catch(() => null);
  await item.locator(SEL.filterName).click();
  await listed;
  await shown(page, SEL.listReady).waitFor({ state: 'visible', timeout: TIMEOUT }).catch(() => {});
  await page.waitForTimeout(500);
}

// the task link to open in the currently shown list, or null
async function findTask(page) {
  let links = page.locator(SEL.taskLink);
  if (TASK) links = links.filter({ hasText: new RegExp(escapeRe(TASK), 'i') });
  return (await links.count()) ? links.first() : null;
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
    await shown(page, `${SEL.loginForm}, ${SEL.listReady}`).waitFor({ state: 'visible', timeout: TIMEOUT });
    if (await visible(page, SEL.loginForm)) {
      log(`user ${user}: logging in`);
      // the login view may still be (re)rendering and its autofocus can steal the
      // focus while typing (seen: the password ended up in the username field),
      // so let it settle and check what the inputs really hold before submitting
      await settle(page);
      let filled = false;
      for (let attempt = 1; attempt <= 3 && !filled; attempt++) {
        await page.fill(SEL.loginUser, user);
        await page.fill(SEL.loginPassword, password);
        filled = (await page.inputValue(SEL.loginUser)) === user &&
          (await page.inputValue(SEL.loginPassword)) === password;
        if (!filled) {
          log(`  login inputs did not keep their values (attempt ${attempt}), retrying`);
          await page.waitForTimeout(1000);
        }
      }
      await page.click(SEL.loginSubmit);

      const outcome = await Promise.race([
        shown(page, SEL.listReady).waitFor({ state: 'visible', timeout: TIMEOUT }).then(() => 'ok'),
        shown(page, SEL.loginError).waitFor({ state: 'visible', timeout: TIMEOUT }).then(() => 'error')
      ]).catch(() => 'timeout');

      if (outcome !== 'ok') {
        await shoot(page, path.join(OUT, `${safe(user)}-login-failed.png`));
        const msg = outcome === 'error'
          ? oneLine(await shown(page, SEL.loginError).innerText().catch(() => '')).replace(/^×\s*/, '')
          : `task list not shown ${TIMEOUT} ms after login`;
        throw new Error(`login failed: ${msg}`);
      }
    } else {
      log(`user ${user}: already logged in`);
    }

    // task list
    await shown(page, SEL.listReady).waitFor({ state: 'visible', timeout: TIMEOUT });
    await settle(page);
    const filters = await filterNames(page);
    const activeIndex = await page.locator(SEL.filterItem).evaluateAll(items => items.findIndex(i => i.classList.contains('active')));
    const activeFilter = filters[activeIndex] || '';
    log(`user ${user}: filters: ${filters.length ? filters.map(f => `"${f}"`).join(', ') : '(none)'}; active: "${activeFilter}"`);
    const count = await page.locator(SEL.taskItem).count();
    if (await visible(page, SEL.listError)) {
      log(`  WARN: task list shows an error: ${oneLine(await shown(page, SEL.listError).innerText())}`);
    }
    log(`user ${user}: task list shows ${count} task(s): ${(await page.locator(SEL.taskLink).allInnerTexts()).map(t => `"${oneLine(t)}"`).join(', ')}`);
    await shoot(page, path.join(OUT, `${safe(user)}-list.png`));

    // the task to open: in the default filter, else in the other filters
    const wanted = TASK ? `task matching "${TASK}"` : 'task';
    let link = await findTask(page);
    if (!link) {
      for (let i = 0; i < filters.length && !link; i++) {
        if (i === activeIndex) continue;
        await focusFilter(page, i);
        const names = (await page.locator(SEL.taskLink).allInnerTexts()).map(t => `"${oneLine(t)}"`);
        log(`user ${user}: filter "${filters[i]}" shows ${names.length} task(s)${names.length ? ': ' + names.join(', ') : ''}`);
        link = await findTask(page);
      }
    }
    if (!link) {
      log(`user ${user}: no ${wanted} in any filter, skipping the task screenshot`);
      return { user, ok: true, tasks: count };
    }

    const taskName = oneLine(await link.innerText().catch(() => ''));
    log(`user ${user}: open task "${taskName}"`);
    await link.click();
    await page.waitForURL(/[?&]task=/, { timeout: TIMEOUT }).catch(() => log('  WARN: URL did not get a task= parameter'));
    await page.locator(SEL.taskTitle).filter({ hasText: taskName }).first()
      .waitFor({ state: 'visible', timeout: TIMEOUT })
      .catch(() => log(`  WARN: task details for "${taskName}" not shown`));

    const formShown = await waitAny(page, SEL.formReady, 'task form');
    if (formShown) {
      if (await visible(page, SEL.formError)) {
        log(`  WARN: form failed: ${oneLine(await shown(page, SEL.formError).innerText())}`);
      } else if (await visible(page, '[cam-tasklist-form] .fjs-container')) {
        // let form-js finish rendering fields
        await shown(page, '[cam-tasklist-form] .fjs-container .fjs-form-field')
          .waitFor({ state: 'visible', timeout: TIMEOUT }).catch(() => {});
        const fields = await page.locator('[cam-tasklist-form] .fjs-form-field').count();
        const disabled = await page.locator('[cam-tasklist-form] .disabled-form').count();
        log(`user ${user}: Camunda Form rendered (.fjs-container, ${fields} field(s)` +
          `${disabled ? ', read-only until the task is claimed' : ''})`);
      } else {
        log(`user ${user}: task form rendered`);
      }
    }
    await settle(page);
    await shoot(page, path.join(OUT, `${safe(user)}-task${TASK ? '-' + safe(TASK) : ''}.png`));

    return { user, ok: true, tasks: count, task: taskName, form: formShown };
  } catch (err) {
    log(`user ${user}: FAILED: ${err.message.split('\n')[0]}`);
    return { user, ok: false, error: err.message };
  } finally {
    await context.close();
  }
}

async function main() {
  await mkdir(OUT, { recursive: true });
  log(`base ${BASE_URL}, users ${USERS.map(u => u.user).join(', ')}, out ${OUT}, chromium ${EXECUTABLE}` +
    (TASK ? `, task "${TASK}"` : ''));

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
