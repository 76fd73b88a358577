#!/usr/bin/env node
// The citizen's journey through the portal in a real (headless) Chromium, on a phone-sized screen:
//
//   BASE_URL=http://localhost:8080 OUT=target/portal-screenshots node .ci/portal-browser-test.mjs
//
// against the application started with the demo profile (the screener's question is asked as `inno` over the
// engine's REST API, as Tasklist would). Steps, each asserted and photographed into OUT:
//   1. home page in English                                   -> 01-home-en.png
//   2. the idea form sent empty: error summary, field errors  -> 02-submit-errors-en.png
//   3. the form typed in and sent: reference and code, once   -> 03-thanks-en.png
//   4. a fresh browser opens the e-mail's link (/track?reference=...#code=...): the code is filled in from the
//      fragment, "Open my idea"                               -> 04-tracked-en.png
//   5. the screener asks a question; the citizen answers it   -> 05-question-en.png, 06-answered-en.png
//   6. the language switch to German                          -> 07-tracked-de.png
//   7. withdraw, with its confirmation step                   -> 08-withdraw-confirm-de.png, 09-withdrawn-de.png
//   8. erase my data, with its confirmation step              -> 10-erased-de.png
//   9. the public pages in German: board, services, register, open data, an idea's page
//   10. a form sent from another session is refused (CSRF)   -> 16-csrf-refused-en.png
//   11. the empty forms, the privacy notice, a page not found -> 17-20
//   12. the API's documentation (Swagger UI at /api/docs)     -> 21-api-docs.png
// Every page photographed is checked with axe-core: no violation of a WCAG 2.0/2.1 level A or AA rule.
//
// Needs `npm ci --prefix .ci/lint` (playwright-core) and Debian's chromium at /usr/bin/chromium (override with
// CHROMIUM=...). TIMEOUT_MS (default 30000) bounds every wait. STAFF=inno:demo is the screener. Exit code 1 on the
// first failed assertion, with a screenshot of the page at that moment (failure.png).

import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(new URL('./lint/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const OUT = process.env.OUT || 'target/portal-screenshots';
const TIMEOUT = Number(process.env.TIMEOUT_MS || 30000);
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const STAFF = process.env.STAFF || 'inno:demo';
const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
];
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const log = (...args) => console.log('[portal]', ...args);

class Failure extends Error {}

function check(condition, message) {
  if (!condition) throw new Failure(message);
  log('ok:', message);
}

async function text(page, selector = 'main') {
  return (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ');
}

async function contains(page, expected, selector = 'main') {
  const shown = await text(page, selector);
  for (const part of [].concat(expected)) {
    check(shown.includes(part), `page ${new URL(page.url()).pathname} shows "${part}"`);
  }
}

async function shot(page, name) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log('screenshot', file);
  await accessible(page, name);
}

/** axe-core on the page as it is now: no violation of a WCAG 2.0/2.1 A or AA rule. */
async function accessible(page, name) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`);
  check(violations.length === 0, `${name}: no WCAG 2.1 A/AA violation${found.length ? ': ' + found.join('; ') : ''}`);
}

async function newPhone(browser, language) {
  const context = await browser.newContext({ ...PHONE, locale: language, extraHTTPHeaders: { 'Accept-Language': language } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  // a 400 or 404 answer (a form with mistakes, the favicon) is logged as "Failed to load resource": not a script error
  page.on('console', message => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', error => problems.push(String(error)));
  return { context, page, problems };
}

/** The screener's question, asked as Tasklist would: the task's form submitted over the engine's REST API. */
async function askQuestion(reference, question) {
  const auth = 'Basic ' + Buffer.from(STAFF).toString('base64');
  const headers = { Authorization: auth, 'Content-Type': 'application/json' };
  let task;
  for (let i = 0; i < 30 && !task; i++) {
    const tasks = await (await fetch(`${BASE_URL}/engine-rest/task?processInstanceBusinessKey=${reference}`
      + '&taskDefinitionKey=Task_ScreenIdea', { headers })).json();
    task = Array.isArray(tasks) ? tasks[0] : undefined;
    if (!task) await new Promise(resolve => setTimeout(resolve, 500));
  }
  check(task, `the screening task of ${reference} exists`);
  const response = await fetch(`${BASE_URL}/engine-rest/task/${task.id}/submit-form`, {
    method: 'POST', headers,
    body: JSON.stringify({ variables: {
      screeningDecision: { value: 'ASK' }, category: { value: 'MOBILITY' }, priority: { value: 'HIGH' },
      questionToCitizen: { value: question } } })
  });
  check(response.status === 204, `the screener asked a question (HTTP ${response.status} ${response.status === 204 ? '' : await response.text()})`);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: LAUNCH_ARGS, timeout: TIMEOUT });
  log(`browser ${browser.version()}, ${BASE_URL}`);
  let current;
  try {
    // 1. home
    const citizen = await newPhone(browser, 'en');
    current = citizen.page;
    const page = citizen.page;
    const home = await page.goto(`${BASE_URL}/`);
    check(home.status() === 200, 'the site root is the portal (200, no redirect to the Tasklist)');
    check(await page.getAttribute('html', 'lang') === 'en', 'the page says it is English');
    check(/default-src 'self'/.test(home.headers()['content-security-policy'] || ''), 'the page has the strict CSP');
    await contains(page, ['Your idea for the city', 'How it works']);
    check(await page.locator('footer a[href="/camunda/app/"]').count() === 1, 'staff find their login in the footer');
    await shot(page, '01-home-en');

    // 2. the form sent empty
    await page.getByRole('link', { name: 'Submit an idea' }).first().click();
    await page.waitForURL('**/submit');
    await page.getByRole('button', { name: 'Send my idea' }).click();
    await page.waitForSelector('#error-summary');
    await contains(page, ['There is a problem', 'Title: Please fill this in.', 'Description: Please fill this in.',
      'Theme: Please choose one of the options.', 'Please agree to the privacy notice']);
    check(await page.evaluate(() => document.activeElement && document.activeElement.id) === 'error-summary',
      'the error summary has the focus');
    await shot(page, '02-submit-errors-en');
    await page.locator('#error-summary a[href="#title"]').click();
    check(await page.evaluate(() => document.activeElement.id) === 'title', 'the summary links to the field');

    // 3. typed in and sent
    const title = `Shade for the market square ${Date.now().toString(36)}`;
    await page.locator('#title').pressSequentially(title);
    await page.locator('#description').pressSequentially('Trees and benches on the west side, where the sun burns at noon.');
    await page.locator('#theme').selectOption('URBAN_PLANNING');
    await page.getByLabel('A district').check();
    await page.locator('#place').pressSequentially('Market square');
    await page.locator('#name').pressSequentially('Ana Citizen');
    await page.locator('#email').pressSequentially('not-an-address');
    await page.locator('#publicBoard').check();
    await page.getByRole('button', { name: 'Send my idea' }).click();
    await page.waitForSelector('#error-summary');
    await contains(page, ['Your e-mail address: Please give an e-mail address like name@example.org']);
    check(await page.locator('#title').inputValue() === title, 'the typed title is kept');
    check(await page.locator('#publicBoard').isChecked(), 'the public-board choice is kept');
    await page.locator('#email').fill('');
    await page.locator('#email').pressSequentially('ana@example.org');
    await page.locator('#consent').check();
    await page.getByRole('button', { name: 'Send my idea' }).click();
    await page.waitForURL('**/submit/thanks');
    await contains(page, ['Thank you for your idea', 'Save your tracking code now', title]);
    const reference = (await page.locator('.reference').innerText()).trim();
    const code = (await page.locator('.code').innerText()).trim();
    check(/^IDEA-\d{4}-\d{6}$/.test(reference), `a reference: ${reference}`);
    check(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/.test(code), 'a tracking code of four groups');
    await shot(page, '03-thanks-en');
    await page.reload();
    check(!(await text(page)).includes(code), 'the code is shown once: not after a reload');

    // 4. the e-mail's link in a fresh browser
    const other = await newPhone(browser, 'en');
    current = other.page;
    const tracker = other.page;
    await tracker.goto(`${BASE_URL}/track?reference=${reference}#code=${code}`);
    check(await tracker.locator('#reference').inputValue() === reference, 'the link fills in the reference');
    check(await tracker.locator('#code').inputValue() === code, 'the link fills in the code (from the fragment)');
    check(!tracker.url().includes(code), 'the code left the address bar');
    await tracker.getByRole('button', { name: 'Open my idea' }).click();
    await tracker.waitForURL(`**/track/${reference}`);
    await contains(tracker, [reference, title, 'Being reviewed', 'What happened so far', 'Submitted']);
    await shot(tracker, '04-tracked-en');

    // 5. the screener's question, answered
    await askQuestion(reference, 'Which side of the square do you mean?');
    await tracker.reload();
    await contains(tracker, ['The City has a question for you', 'Which side of the square do you mean?']);
    await shot(tracker, '05-question-en');
    await tracker.locator('#answer').pressSequentially('The west side, next to the fountain.');
    await tracker.getByRole('button', { name: 'Send my answer' }).click();
    await tracker.waitForURL(`**/track/${reference}`);
    await contains(tracker, ['your answer has been sent']);
    check(!(await text(tracker)).includes('The City has a question for you'), 'the question is answered');
    await shot(tracker, '06-answered-en');

    // 6. German
    await tracker.getByRole('link', { name: 'Deutsch' }).click();
    await tracker.waitForLoadState();
    check(await tracker.getAttribute('html', 'lang') === 'de', 'the page says it is German');
    await contains(tracker, ['In Prüfung', 'Was bisher geschah', 'Eingereicht', 'Idee zurückziehen']);
    const today = new Date();
    const german = `${String(today.getDate()).padStart(2, '0')}.${String(today.getMonth() + 1).padStart(2, '0')}.${today.getFullYear()}`;
    await contains(tracker, [german]);
    await shot(tracker, '07-tracked-de');

    // 7. withdraw, confirmed
    await tracker.getByRole('link', { name: 'Idee zurückziehen' }).click();
    await contains(tracker, ['Idee zurückziehen?', 'Das lässt sich nicht rückgängig machen.']);
    await shot(tracker, '08-withdraw-confirm-de');
    await tracker.getByRole('button', { name: 'Ja, Idee zurückziehen' }).click();
    await tracker.waitForURL(`**/track/${reference}`);
    await contains(tracker, ['Ihre Idee wurde zurückgezogen.', 'Zurückgezogen']);
    await shot(tracker, '09-withdrawn-de');

    // 8. erase, confirmed
    await tracker.getByRole('link', { name: 'Meine Daten löschen' }).click();
    await tracker.getByRole('button', { name: 'Ja, meine Daten löschen' }).click();
    await tracker.waitForURL(`**/track/${reference}`);
    await contains(tracker, ['Ihr Name und Ihre E-Mail-Adresse wurden gelöscht.']);
    await shot(tracker, '10-erased-de');

    // 9. the public pages (the language cookie keeps German)
    const pages = [['/ideas', 'Ideen aus der Bürgerschaft', '11-board-de'], ['/services', 'Dienste aus Ideen', '12-services-de'],
      ['/register', 'Register der Beschlüsse', '13-register-de'], ['/datasets', 'Offene Daten', '14-datasets-de'],
      ['/figures', 'Die Bilanz der Stadt in Zahlen', '14-figures-de']];
    for (const [url, heading, name] of pages) {
      const response = await tracker.goto(`${BASE_URL}${url}`);
      check(response.status() === 200, `${url} answers 200`);
      await contains(tracker, [heading]);
      await shot(tracker, name);
    }
    await tracker.goto(`${BASE_URL}/ideas`);
    const firstIdea = tracker.locator('ul.board h2 a').first();
    if (await firstIdea.count()) {
      await firstIdea.click();
      await contains(tracker, ['Verlauf']);
      check(!(await text(tracker)).includes('@'), 'an idea\'s public page shows no e-mail address');
      await shot(tracker, '15-idea-de');
    }
    else {
      log('warning: the board is empty, no idea page to show');
    }
    check(citizen.problems.length === 0 && other.problems.length === 0,
      `no script errors in the pages (${[...citizen.problems, ...other.problems].join('; ')})`);

    // 10. a form from another session
    const forger = await newPhone(browser, 'en');
    current = forger.page;
    await forger.page.goto(`${BASE_URL}/track`);
    await forger.context.clearCookies();
    await forger.page.locator('#reference').fill(reference);
    await forger.page.locator('#code').fill(code);
    await forger.page.getByRole('button', { name: 'Open my idea' }).click();
    await forger.page.waitForLoadState();
    await contains(forger.page, ['The form has expired']);
    await shot(forger.page, '16-csrf-refused-en');

    // 11. the pages not yet seen in this journey, in English: empty forms, the privacy notice, a page not found
    const visitor = await newPhone(browser, 'en');
    current = visitor.page;
    for (const [url, heading, name, status] of [['/submit', 'Submit an idea', '17-submit-en', 200],
      ['/track', 'Track my idea', '18-track-en', 200], ['/privacy', 'Privacy', '19-privacy-en', 200],
      ['/figures', 'The City’s record in figures', '19-figures-en', 200],
      ['/ideas/IDEA-1999-000001', 'Page not found', '20-not-found-en', 404]]) {
      const response = await visitor.page.goto(`${BASE_URL}${url}`);
      check(response.status() === status, `${url} answers ${status}`);
      await contains(visitor.page, [heading]);
      await shot(visitor.page, name);
    }

    // 12. the API's documentation (Swagger UI under the application's security headers)
    const developer = await newPhone(browser, 'en');
    current = developer.page;
    await developer.page.goto(`${BASE_URL}/api/docs`);
    await developer.page.getByText('Idea to Service API').first().waitFor();
    await developer.page.getByText('/api/ideas/tracking/{trackingCode}/erasure').first().waitFor();
    check(developer.problems.length === 0, `the API documentation loads without script errors (${developer.problems.join('; ')})`);
    await developer.page.screenshot({ path: path.join(OUT, '21-api-docs.png'), fullPage: false });
    log('all steps passed');
  }
  catch (error) {
    if (current) {
      await current.screenshot({ path: path.join(OUT, 'failure.png'), fullPage: true }).catch(() => {});
    }
    console.error('[portal] FAILED:', error.message);
    process.exitCode = 1;
  }
  finally {
    await browser.close();
  }
}

await main();
