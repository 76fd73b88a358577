#!/usr/bin/env node
// The challenges on the portal in a real (headless) Chromium, on a phone-sized screen, against the demo profile:
//
//   BASE_URL=http://localhost:8080 OUT=target/challenge-screenshots node .ci/challenge-browser-test.mjs
//
//   1. the list of challenges                                          -> 01-challenges-en.png
//   2. the open demo challenge: rules, window, prizes, the entry form   -> 02-open-challenge-en.png
//   3. an entry sent with its team: reference and tracking code         -> 03-entry-thanks-en.png
//   4. the announced demo challenge in German: winners and their ideas  -> 04-announced-de.png
// Every page photographed is checked with axe-core (WCAG 2.0/2.1 A and AA).

import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(new URL('./lint/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const OUT = process.env.OUT || 'target/challenge-screenshots';
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const log = (...args) => console.log('[challenges]', ...args);
function check(condition, message) {
  if (!condition) throw new Error(message);
  log('ok:', message);
}
async function shows(page, parts) {
  const shown = (await page.locator('main').first().innerText()).replace(/\s+/g, ' ');
  for (const part of parts) check(shown.includes(part), `${new URL(page.url()).pathname} shows "${part}"`);
}
async function shot(page, name) {
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  check(violations.length === 0, `${name}: no WCAG violation ${violations.map(v => v.id).join(', ')}`);
}

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: EXECUTABLE, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
let page;
try {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  page = await context.newPage();
  await page.goto(`${BASE_URL}/challenges?lang=en`);
  await shows(page, ['Cooler streets in summer', 'Open for entries', 'Safer routes to school', 'Winners announced']);
  await shot(page, '01-challenges-en');

  await page.getByRole('link', { name: 'Cooler streets in summer' }).click();
  await shows(page, ['Everybody living or working in the city', 'Pilot money', 'Impact: 60 %', 'City University',
    'Enter the challenge']);
  await shot(page, '02-open-challenge-en');

  await page.fill('#title', 'Drinking fountains on every square');
  await page.fill('#description', 'A fountain on each square, with shade around it.');
  await page.selectOption('#theme', 'ENVIRONMENT');
  await page.check('#reach-DISTRICT');
  await page.fill('#teamName', 'Fountain friends');
  await page.check('#consent');
  await page.getByRole('button', { name: 'Send my entry' }).click();
  await page.waitForURL(/\/submit\/thanks/);
  await shot(page, '03-entry-thanks-en');

  await page.goto(`${BASE_URL}/challenges?lang=de`);
  await page.getByRole('link', { name: 'Safer routes to school' }).click();
  await shows(page, ['Die Gewinner', 'Walking bus', 'Platz 1', 'Wird mit Bürgerinnen und Bürgern gestaltet']);
  await shot(page, '04-announced-de');
  log('all steps passed');
}
catch (error) {
  if (page) await page.screenshot({ path: path.join(OUT, 'failure.png'), fullPage: true }).catch(() => {});
  console.error('[challenges] FAILED:', error.message);
  process.exitCode = 1;
}
finally {
  await browser.close();
}
