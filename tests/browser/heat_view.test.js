// The Dear ImGui heat view in headless Chromium with software WebGL2 (SwiftShader): after the
// hot-partition scenario it draws, and one partition row is marked hot (red cells).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';

import { CHROMIUM_ARGS, openPlayground } from './support/browser_fixture.js';

// Decodes an 8-bit RGBA or RGB PNG (what Chromium's screenshots are) into pixels.
function decodePng(png) {
  let offset = 8;
  let width = 0, height = 0, channels = 4;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

describe('heat view', () => {
  let playground;
  let page;

  before(async () => {
    // Software WebGL2 (shared/TOOLCHAIN.md): SwiftShader instead of --disable-gpu.
    playground = await openPlayground([
      ...CHROMIUM_ARGS.filter((flag) => flag !== '--disable-gpu'),
      '--use-gl=swiftshader',
      '--enable-unsafe-swiftshader',
    ]);
    page = await playground.browser.newPage({ viewport: { width: 1280, height: 1300 } });
    await page.goto(`${playground.pageUrl}web/`);
    await page.waitForSelector('#engine-status[data-state="ready"]');
  });

  after(async () => {
    await playground?.close();
  });

  it('draws partitions and marks the hot one after the hot-partition scenario', async () => {
    await page.waitForSelector('#heat-view:not([hidden])', { timeout: 10000 });
    await page.click('[data-scenario="hot-partition"]');
    await page.waitForFunction(() => /user_id as key/.test(document.querySelector('#scenario-result').textContent));
    // The view shows the first table by name, ScenarioByCountry: the one with the hot partition.
    await page.waitForTimeout(500);
    const png = await page.locator('#heat-canvas').screenshot({ path: '/tmp/heat-view.png' });
    const { width, height, channels, pixels } = decodePng(png);
    let red = 0;
    for (let i = 0; i < width * height; i++) {
      const [r, g, b] = [pixels[i * channels], pixels[i * channels + 1], pixels[i * channels + 2]];
      if (r > 180 && g < 80 && b < 80) red++;
    }
    assert.ok(red > 200, `expected red (hot) cells in the heat view, found ${red} red pixels`);
    assert.ok(width > 0 && height > 0);
  });
});
