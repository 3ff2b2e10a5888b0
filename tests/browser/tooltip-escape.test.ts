// Content shown on hover can be dismissed without moving the pointer (WCAG 1.4.13): a chart's
// tooltip goes on Escape. Seen from the canvas's pixels: the tooltip changes them, Escape restores
// the chart as it is with no tooltip.
import type { Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { DIST } from './a11y-support.ts';

let base = '';
let server: Server;
let context: BrowserContext;
beforeAll(async () => {
  ({ url: base, server } = await serveStatic(DIST));
  context = await launch({ width: 1280, height: 900, reducedMotion: 'reduce' });
});
afterAll(async () => {
  await context?.close();
  server?.close();
});

it('the monthly chart’s tooltip goes on Escape, the pointer still on the bar', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/fi/`, { waitUntil: 'networkidle' });
  const box = page.locator('#chart-monthly .chart-box');
  await box.scrollIntoViewIfNeeded();
  await box.hover();
  await page.waitForSelector('#chart-monthly.drawn canvas');
  const canvas = page.locator('#chart-monthly canvas');
  const plain = await canvas.screenshot();
  // Over the chart's tallest months (May 2023), where a bar stands under the pointer.
  const r = (await canvas.boundingBox())!;
  let tipped = plain;
  for (let x = 0.45; x <= 0.75 && tipped.equals(plain); x += 0.02) {
    await page.mouse.move(r.x + r.width * x, r.y + r.height * 0.6);
    await page.waitForTimeout(80);
    tipped = await canvas.screenshot();
  }
  expect(tipped.equals(plain), 'a tooltip showed').toBe(false);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(80);
  // Not the tooltip's pixels any more (the bar under the pointer may keep its hover colour).
  const after = await canvas.screenshot();
  expect(after.equals(tipped), 'the tooltip went').toBe(false);
  await page.mouse.move(r.x + 2, r.y + 2);
  await page.waitForTimeout(80);
  expect((await canvas.screenshot()).equals(after), 'Escape left the chart as without a tooltip').toBe(true);
  await page.close();
});
