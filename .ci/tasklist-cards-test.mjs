#!/usr/bin/env node
// Tasklist cards that tell two tasks of one idea apart, in a real (headless) Chromium (issue 13):
//
//   BASE_URL=http://localhost:8080 OUT=target/browser-tests/tasklist-cards node .ci/tasklist-cards-test.mjs
//
// against the demo profile, where the culture department's data steward has two "Assess dataset request" tasks of
// the library idea. Steps, each asserted and photographed into OUT:
//   1. culture-steward logs in; the Tasklist opens on "My work" with both tasks; each card shows, without
//      opening it, the idea and its dataset, and the two cards differ in what is not folded or cut away
//                                                                                      -> 01-steward-cards.png
//   2. inno (innovation office) sees the department and the amount in euros on the library's funding card
//                                                                                      -> 02-funding-card.png
//
// Needs `npm ci --prefix .ci/lint` (playwright-core) and Debian's chromium (CHROMIUM=...). TIMEOUT_MS (default
// 30000) bounds every wait. Exit code 1 on the first failed assertion, with failure.png.

import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(new URL('./lint/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const OUT = process.env.OUT || 'target/browser-tests/tasklist-cards';
const TIMEOUT = Number(process.env.TIMEOUT_MS || 30000);
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'
];
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;

const log = (...a) => console.log('[cards]', ...a);
const oneLine = (s) => (s || '').replace(/\s+/g, ' ').trim();

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function login(page, user) {
  await page.goto(TASKLIST, { waitUntil: 'domcontentloaded' });
  const form = page.locator('form[name="signinForm"]');
  await form.waitFor({ state: 'visible' });
  await page.waitForTimeout(800); // the login view re-renders once and may steal the focus
  for (let attempt = 0; attempt < 3; attempt++) {
    await form.locator('input[type="text"]').fill(user);
    await form.locator('input[type="password"]').fill('demo');
    if ((await form.locator('input[type="text"]').inputValue()) === user) break;
    await page.waitForTimeout(800);
  }
  const listed = page.waitForResponse(r => /\/filter\/[^/]+\/list/.test(r.url()), { timeout: TIMEOUT });
  await form.locator('button[type="submit"]').click();
  await listed;
  await page.locator('[cam-tasks] .tasks-list li.task').first().waitFor({ state: 'visible' });
  await page.waitForTimeout(500); // the cards' variables render after the list
  const active = oneLine(await page.locator('[cam-tasklist-filters] .task-filter.active h4.name').innerText());
  check(active.startsWith('My work'), `the Tasklist opens the filter "${active}", not "My work"`);
  log(`  ${user} logged in, on "My work"`);
}

// what a card shows while folded: its variables inside the card's visible box, each value as far as it is not cut
// off by an ellipsis ("Library loans per bra…")
async function visibleCardText(card) {
  return card.locator('.task-card-details').evaluate((details) => {
    const box = details.getBoundingClientRect();
    const shown = [];
    for (const item of details.querySelectorAll('.variable-item')) {
      const r = item.getBoundingClientRect();
      // a variable counts when its label and the first line of its value are inside the box
      if (r.height === 0 || r.top < box.top - 1 || r.top + Math.min(r.height, 34) > box.bottom + 1) continue;
      const label = item.querySelector('.variable-label')?.innerText.trim() || '';
      const value = item.querySelector('.variable-value');
      let text = (value?.innerText || '').trim();
      if (value && value.scrollWidth > value.clientWidth + 1) {
        text = text.slice(0, Math.floor(text.length * value.clientWidth / value.scrollWidth) - 1) + '…';
      }
      shown.push(`${label} ${text}`);
    }
    return shown.join(' | ');
  });
}

async function cardsNamed(page, name) {
  return page.locator('[cam-tasks] .tasks-list li.task').filter({ has: page.locator('h4.task', { hasText: name }) });
}

async function steward(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  try {
    await login(page, 'culture-steward');
    const cards = await cardsNamed(page, 'Assess dataset request');
    check(await cards.count() >= 2, `"My work" lists ${await cards.count()} "Assess dataset request" tasks, not two`);
    const shown = [];
    for (let i = 0; i < 2; i++) {
      const text = await visibleCardText(cards.nth(i));
      log(`  card ${i + 1}: ${text}`);
      check(/Subject: Library (loans|branches)/.test(text), `card ${i + 1} does not show its dataset unfolded: "${text}"`);
      check(/IDEA-\d{4}-\d+/.test(text), `card ${i + 1} does not show the idea's reference: "${text}"`);
      shown.push(text);
    }
    check(shown[0] !== shown[1], `the two cards look the same: "${shown[0]}"`);
    // the title is on the card, one click on its arrow away
    const all = oneLine(await cards.first().locator('.task-card-details').innerText());
    check(all.includes('Title'), `the card has no idea title: "${all}"`);
    await page.screenshot({ path: path.join(OUT, '01-steward-cards.png'), fullPage: true });
    log('  wrote 01-steward-cards.png');
  } catch (err) {
    await page.screenshot({ path: path.join(OUT, 'failure.png'), fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
  }
}

async function funding(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  try {
    await login(page, 'inno');
    const cards = page.locator('[cam-tasks] .tasks-list li.task')
      .filter({ has: page.locator('h4.task', { hasText: /funding/ }) });
    check(await cards.count() >= 1, 'the innovation office has no funding task on "My work"');
    const text = await visibleCardText(cards.first());
    log(`  funding card: ${text}`);
    check(text.includes('Subject: 4,500 € · Culture'), `no amount in euros and department by name: "${text}"`);
    await page.screenshot({ path: path.join(OUT, '02-funding-card.png'), fullPage: true });
    log('  wrote 02-funding-card.png');
  } catch (err) {
    await page.screenshot({ path: path.join(OUT, 'failure-funding.png'), fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
  }
}

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: EXECUTABLE, args: LAUNCH_ARGS });
try {
  await steward(browser);
  await funding(browser);
  log('passed');
} catch (err) {
  log(`FAILED: ${err.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
