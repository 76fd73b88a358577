#!/usr/bin/env node
// The council clerk's calendar in a real (headless) Chromium, then the session picked in the Tasklist:
//
//   BASE_URL=http://localhost:8080 OUT=target/browser-tests/staff node .ci/staff-browser-test.mjs
//
// against the demo profile (the demo's "Repair café" idea waits at "Prepare agenda item"). The browser runs in
// en-US, whose date picker would show month/day/year: the calendar takes and shows day.month.year whatever the
// browser's language. Steps, each asserted and photographed into OUT:
//   1. /staff/council without login: the page sends the clerk to the Tasklist login       -> 01-login-first.png
//   2. log in to the Tasklist as the clerk; the calendar opens with the same login          -> 02-calendar.png
//   3. a date that does not exist (31.02.) is refused, the message names "Date", the typed value stays
//                                                                                          -> 03-date-refused.png
//   4. a session planned for a day after the 12th, typed dd.mm.yyyy: listed under that day -> 04-planned.png
//   5. Tasklist: "Prepare agenda item", claimed; the new session is one of "Council session"'s options and
//      is picked by clicking                                                              -> 05-picked-in-tasklist.png
// An innovation officer is refused the calendar (403)                                      -> 06-refused-officer.png
// The mayor's office completes "Issue implementation directives" by typing and clicking; its effective date is
// typed day.month.year: first a day that does not exist (31.02.), refused with the field's label, then a real
// one, which the public register shows as that very day (ISO in <time datetime>)   -> 07-date-refused-in-tasklist.png,
//                                                                                     08-directive-in-register.png
// Finance reads the prototype budgets: every department with total, committed and left     -> 09-budgets.png
// The innovation office opens an idea's staff page from the search box: its steps, by name -> 10-idea-page.png
//
// Needs `npm ci --prefix .ci/lint` (playwright-core) and Debian's chromium (CHROMIUM=...). TIMEOUT_MS (default
// 30000) bounds every wait. Exit code 1 on the first failed assertion, with failure.png.

import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(new URL('./lint/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const OUT = process.env.OUT || 'target/browser-tests/staff';
const TIMEOUT = Number(process.env.TIMEOUT_MS || 30000);
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'
];
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;

const log = (...a) => console.log('[staff]', ...a);
const oneLine = (s) => (s || '').replace(/\s+/g, ' ').trim();
const two = (n) => String(n).padStart(2, '0');

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// a day at least 40 days ahead whose day of month (13..28) cannot be read as a month
function sessionDay() {
  const d = new Date();
  d.setDate(d.getDate() + 40);
  while (d.getDate() < 13 || d.getDate() > 28) d.setDate(d.getDate() + 1);
  return {
    typed: `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`,
    iso: `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`
  };
}

async function shoot(page, name) {
  await page.screenshot({ path: path.join(OUT, name), fullPage: true });
  log(`  wrote ${name}`);
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

// the first task of this name in any of the user's filters (each filter's list fetched and shown)
async function findTask(page, name) {
  const filters = page.locator('[cam-tasklist-filters] .task-filter h4.name a');
  await filters.first().waitFor({ state: 'visible' });
  for (let attempt = 0; attempt < 2; attempt++) {
    for (let i = 0; i < await filters.count(); i++) {
      const listed = page.waitForResponse(r => /\/filter\/[^/]+\/list/.test(r.url()), { timeout: TIMEOUT }).catch(() => null);
      await filters.nth(i).click();
      await listed;
      const link = page.locator('[cam-tasks] .tasks-list li.task h4.task a').filter({ hasText: name }).first();
      if (await link.waitFor({ state: 'visible', timeout: 3000 }).then(() => true).catch(() => false)) return link;
    }
  }
  return null;
}

async function run(browser) {
  const day = sessionDay();
  const title = 'Extra session (browser test)';
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  try {
    // 1. not logged in
    let response = await page.goto(`${BASE_URL}/staff/council`);
    check(response.status() === 401, `without login /staff/council answered ${response.status()}, not 401`);
    check(await page.getByRole('link', { name: 'Log in to the Tasklist' }).isVisible(), 'no link to the Tasklist login');
    await shoot(page, '01-login-first.png');

    // 2. the Tasklist opens on the clerk's work; its login opens the calendar too
    await loginToTasklist(page, 'clerk', 'demo');
    const active = oneLine(await page.locator('[cam-tasklist-filters] .task-filter.active h4.name').innerText());
    check(active.startsWith('My work'), `the Tasklist opens the filter "${active}", not "My work"`);
    await shoot(page, '02-tasklist-my-work.png');
    response = await page.goto(`${BASE_URL}/staff/council`);
    check(response.status() === 200, `the calendar answered ${response.status()} to the clerk`);
    check(await page.getByRole('heading', { name: 'Council calendar' }).isVisible(), 'no calendar heading');
    check((await page.locator('header').innerText()).includes('Clara Kerr'), 'the page does not name the clerk');
    await shoot(page, '02-calendar.png');

    // 3. a day that does not exist
    await page.getByLabel('Body').selectOption('COUNCIL');
    await page.getByLabel('Date', { exact: true }).click();
    await page.keyboard.type('31.02.2027');
    await page.getByLabel('Seats').click();
    await page.keyboard.type('41');
    await page.getByRole('button', { name: 'Plan session' }).click();
    const problem = oneLine(await page.locator('.error-summary').innerText());
    check(problem.includes('Date: give the date as day.month.year'), `unexpected message: ${problem}`);
    check((await page.getByLabel('Date', { exact: true }).inputValue()) === '31.02.2027', 'the typed date was lost');
    await shoot(page, '03-date-refused.png');

    // 4. a real day, typed day.month.year
    await page.getByLabel('Date', { exact: true }).fill('');
    await page.getByLabel('Date', { exact: true }).click();
    await page.keyboard.type(day.typed);
    await page.getByLabel('Title').click();
    await page.keyboard.type(title);
    await page.getByRole('button', { name: 'Plan session' }).click();
    const notice = oneLine(await page.locator('.notice').innerText());
    check(notice.includes(`Planned: council session on ${day.typed} (${title})`), `unexpected notice: ${notice}`);
    const row = page.locator('table.sessions tr').filter({ hasText: title });
    check((await row.locator('td').first().innerText()).trim() === day.typed, `the session is not listed on ${day.typed}`);
    await shoot(page, '04-planned.png');
    log(`  planned ${title} on ${day.typed}`);

    // 5. the Tasklist offers it in "Prepare agenda item"
    await page.goto(TASKLIST);
    const link = await findTask(page, 'Prepare agenda item');
    check(link, 'no "Prepare agenda item" task in any of the clerk\'s filters');
    await link.click();
    await page.locator('[cam-tasklist-form] .fjs-container').waitFor({ state: 'visible' });
    const claim = page.locator('[cam-tasklist-task] button').filter({ hasText: /^\s*Claim\s*$/ });
    if (await claim.count()) {
      await claim.first().click();
      await page.waitForTimeout(1500);
    }
    // the select itself, not the group around it
    const field = page.locator('.fjs-form-field-select')
      .filter({ has: page.locator('label', { hasText: /^\s*Council session/ }) }).first();
    await field.waitFor({ state: 'visible' });
    await field.locator('.fjs-input-group').first().click();
    const option = page.locator('.fjs-dropdownlist-item').filter({ hasText: day.iso });
    check(await option.count() > 0,
      `"Council session" does not offer ${day.iso}; offered: ${oneLine((await page.locator('.fjs-dropdownlist').allInnerTexts()).join(' | '))}`);
    await option.first().click();
    const shown = oneLine(await field.innerText()) + ' ' + (await field.locator('input').first().inputValue().catch(() => ''));
    check(shown.includes(day.iso), `the picked session is not shown in the field: ${shown}`);
    await shoot(page, '05-picked-in-tasklist.png');
    log(`  "Council session" offers and shows ${day.iso}`);
  } catch (err) {
    await page.screenshot({ path: path.join(OUT, 'failure.png'), fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
  }

  // an innovation officer: not the calendar's
  const other = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const officer = await other.newPage();
  officer.setDefaultTimeout(TIMEOUT);
  try {
    await loginToTasklist(officer, 'inno', 'demo');
    const refused = await officer.goto(`${BASE_URL}/staff/council`);
    check(refused.status() === 403, `the calendar answered ${refused.status()} to an innovation officer`);
    check((await officer.locator('main').innerText()).includes('Only council clerks'), 'the refusal does not say why');
    await shoot(officer, '06-refused-officer.png');
  } finally {
    await other.close();
  }
}

// the mayor's office types the directive, with a date that does not exist first
async function directiveWithTypedDate(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const reference = `DIR-BROWSER-${Date.now() % 100000}`;
  const d = new Date();
  d.setDate(d.getDate() + 20);
  while (d.getDate() < 13 || d.getDate() > 28) d.setDate(d.getDate() + 1);
  const typed = `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`;
  const iso = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  try {
    await loginToTasklist(page, 'mayor', 'demo');
    const link = await findTask(page, 'Issue implementation directives');
    check(link, 'no "Issue implementation directives" task for the mayor\'s office');
    await link.click();
    await page.locator('[cam-tasklist-form] .fjs-container').waitFor({ state: 'visible' });
    const claim = page.locator('[cam-tasklist-task] button').filter({ hasText: /^\s*Claim\s*$/ });
    if (await claim.count()) {
      await claim.first().click();
      await page.waitForTimeout(1500);
    }
    await page.getByLabel('Directive reference').click();
    await page.keyboard.type(reference);
    await page.locator('.fjs-form-field-checklist').filter({ hasText: 'Departments responsible' })
      .locator('input[type="checkbox"]').first().check();
    await page.getByLabel('Effective date', { exact: false }).first().click();
    await page.keyboard.type('31.02.2027');
    await page.getByLabel('Standard procedure the directive amends').click();
    await page.keyboard.type('Library opening hours');
    const complete = page.locator('[cam-tasklist-task] button').filter({ hasText: /^\s*Complete\s*$/ }).first();
    await complete.click();
    const alert = page.locator('.alert-danger').filter({ visible: true }).first();
    await alert.waitFor({ state: 'visible' });
    const message = oneLine(await alert.innerText());
    check(message.includes('Effective date: give the date as day.month.year'), `unexpected message: ${message}`);
    check(!message.includes('Cannot submit task form'), `the message names the task, not what to correct: ${message}`);
    await page.screenshot({ path: path.join(OUT, '07-date-refused-in-tasklist.png'), fullPage: true });
    log(`  refused in the Tasklist: ${message}`);

    // the Tasklist's error box stays and covers the buttons until closed
    for (const close of await page.locator('.page-notifications .close').filter({ visible: true }).all()) {
      await close.click();
    }
    await page.getByLabel('Effective date', { exact: false }).first().fill(typed);
    await complete.click();
    await page.locator('[cam-tasks] .tasks-list li.task h4.task a').filter({ hasText: 'Issue implementation directives' })
      .first().waitFor({ state: 'detached', timeout: TIMEOUT }).catch(() => {});
    await page.waitForTimeout(1500);

    await page.goto(`${BASE_URL}/register?lang=en`);
    const row = page.locator('tr').filter({ hasText: reference });
    check(await row.count() === 1, `the register does not list ${reference}`);
    check(await row.locator(`time[datetime="${iso}"]`).count() === 1,
      `typed ${typed}, but the register row says: ${oneLine(await row.innerText())}`);
    await page.screenshot({ path: path.join(OUT, '08-directive-in-register.png'), fullPage: true });
    log(`  typed ${typed}: the register shows ${reference} effective ${iso}`);
  } catch (err) {
    await page.screenshot({ path: path.join(OUT, 'failure-directive.png'), fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
  }
}

async function budgets(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  try {
    await loginToTasklist(page, 'finn', 'demo');
    const response = await page.goto(`${BASE_URL}/staff/budgets`);
    check(response.status() === 200, `the budgets page answered ${response.status()} to finance`);
    const year = new Date().getFullYear();
    check(await page.getByRole('heading', { name: `Prototype budgets ${year}` }).isVisible(), 'no budgets heading');
    const culture = oneLine(await page.locator('table.budgets tr').filter({ hasText: 'Culture' }).innerText());
    check(/€.*€.*€/.test(culture), `the Culture row has no total, committed and left: ${culture}`);
    check(await page.locator('table.budgets tfoot').filter({ hasText: 'All departments' }).count() === 1, 'no total row');
    await page.screenshot({ path: path.join(OUT, '09-budgets.png'), fullPage: true });
    log(`  budgets: ${culture}`);
  } finally {
    await context.close();
  }
}

async function ideaPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  try {
    await loginToTasklist(page, 'inno', 'demo');
    await page.goto(`${BASE_URL}/staff/budgets`);
    // the demo's Wi-Fi idea, adopted by the council: found by its reference, typed in lower case
    await page.locator('#find-idea').fill('idea-2026-000007');
    await page.getByRole('button', { name: 'Open' }).click();
    await page.waitForURL(/\/staff\/ideas\/IDEA-2026-000007$/);
    check(await page.getByRole('heading', { name: 'Decisions and steps' }).isVisible(), 'no steps on the idea page');
    const steps = oneLine(await page.locator('table.steps').innerText());
    check(steps.includes('Screen idea') && steps.includes('Ines Novak'), `the steps do not say who screened: ${steps}`);
    check(steps.includes('Record council vote') && steps.includes('Clara Kerr'), `no council vote by the clerk: ${steps}`);
    check((await page.locator('main').innerText()).includes('2026/'), 'the act is not shown');
    await page.screenshot({ path: path.join(OUT, '10-idea-page.png'), fullPage: true });
    log('  the idea page lists its steps by name');
  } catch (err) {
    await page.screenshot({ path: path.join(OUT, 'failure-idea.png'), fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
  }
}

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: EXECUTABLE, args: LAUNCH_ARGS });
try {
  await run(browser);
  await directiveWithTypedDate(browser);
  await budgets(browser);
  await ideaPage(browser);
  log('passed');
} catch (err) {
  log(`FAILED: ${err.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
