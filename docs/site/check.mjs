// Serves the site built by build.mjs from 127.0.0.1 (a static server of its own, on a free port),
// opens it in headless Chromium (Debian's chromium, never a downloaded browser; every request to
// anything but that server is refused) and checks, from the contracts themselves:
//   - every operation of each contract (paths, callbacks and x-webhooks) has its rendered section,
//     with its summary and a value of its example (the request's, else the first response's);
//   - every page rendered from Markdown shows its title, every code block of its source, and no
//     link of the site that leads nowhere (missing file or anchor);
//   - the index links every contract and every page; no page reached out of 127.0.0.1, threw, or
//     printed an error on the console.
// Screenshots are kept under target/site-check/. Exits non-zero on the first failed check, after
// printing every failure. Usage: npm --prefix docs/site run check
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const site = path.join(root, 'target/site');
const shots = path.join(root, 'target/site-check');
const CHROMIUM = process.env.HIRFA_CHROMIUM ?? '/usr/bin/chromium';
const started = Date.now();

const failures = [];
const fail = (what) => failures.push(what);

if (!fs.existsSync(path.join(site, 'site.json'))) {
  console.error('no site: run `npm --prefix docs/site run build` first');
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) {
  console.error(`no browser at ${CHROMIUM}: apt-get install -y chromium`);
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(path.join(site, 'site.json'), 'utf8'));
fs.rmSync(shots, { recursive: true, force: true });
fs.mkdirSync(shots, { recursive: true });

// --- what the contracts say must be there ----------------------------------------------------
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function deref(doc, node) {
  let n = node;
  for (let i = 0; n && n.$ref && i < 20; i++) {
    n = n.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return n;
}

/** The example a reader sees for a media type: its own, else the schema's (first one found). */
function mediaExample(doc, media) {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  if (media.examples) return deref(doc, Object.values(media.examples)[0])?.value;
  return schemaExample(doc, media.schema, 0);
}

function schemaExample(doc, schema, depth) {
  const s = deref(doc, schema);
  if (!s || depth > 6) return undefined;
  if (s.example !== undefined) return s.example;
  for (const part of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])]) {
    const e = schemaExample(doc, part, depth + 1);
    if (e !== undefined) return e;
  }
  if (s.items) {
    const e = schemaExample(doc, s.items, depth + 1);
    if (e !== undefined) return [e];
  }
  if (s.properties) {
    const o = {};
    for (const [k, v] of Object.entries(s.properties)) {
      const e = schemaExample(doc, v, depth + 1);
      if (e !== undefined) o[k] = e;
    }
    if (Object.keys(o).length) return o;
  }
  return undefined;
}

/** The longest string near the top of an example: what a reader of the sample panel sees first. */
function token(example) {
  let best = null;
  const visit = (v, depth) => {
    if (typeof v === 'string') {
      if (!best || v.length > best.length) best = v;
    } else if (Array.isArray(v) && depth < 3) {
      if (v.length) visit(v[0], depth + 1);
    } else if (v && typeof v === 'object' && depth < 3) {
      for (const x of Object.values(v)) visit(x, depth + 1);
    }
  };
  visit(example, 0);
  return best;
}

function operationsOf(doc) {
  const ops = [];
  const add = (op, where, callback = {}) => {
    const request = deref(doc, op.requestBody);
    let example = request ? mediaExample(doc, Object.values(request.content ?? {})[0]) : undefined;
    let from = 'request';
    let shown;
    if (example === undefined) {
      // The sample panel opens on the first response: its example, or "No content" (a 204).
      const [code, r] = Object.entries(op.responses ?? {})[0] ?? [];
      const media = Object.values(deref(doc, r)?.content ?? {})[0];
      from = `response ${code}`;
      if (media) example = mediaExample(doc, media);
      else shown = 'No content';
    }
    ops.push({ id: op.operationId, summary: op.summary, where, example: shown ?? token(example), from, ...callback });
  };
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      add(op, `${m.toUpperCase()} ${p}`);
      for (const [cbName, cb] of Object.entries(op.callbacks ?? {})) {
        for (const [expr, cbItem] of Object.entries(cb)) {
          for (const cm of METHODS) {
            if (cbItem[cm]) add(cbItem[cm], `callback ${cm.toUpperCase()} ${expr}`, { callbackOf: op.operationId, callbackName: cbName, method: cm });
          }
        }
      }
    }
  }
  for (const [name, item] of Object.entries(doc['x-webhooks'] ?? {})) {
    for (const m of METHODS) if (item[m]) add(item[m], `webhook ${name}`);
  }
  return ops;
}

// --- the server: target/site on 127.0.0.1 ----------------------------------------------------
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.yaml': 'application/yaml', '.png': 'image/png', '.svg': 'image/svg+xml', '.md': 'text/markdown; charset=utf-8',
  '.java': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
};
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const file = path.join(site, decodeURIComponent(url.pathname));
  if (!file.startsWith(site + path.sep) && file !== site) return res.writeHead(403).end();
  const target = fs.existsSync(file) && fs.statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
  if (!fs.existsSync(target)) return res.writeHead(404).end('not found');
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
  fs.createReadStream(target).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const href = (relative) => `${origin}/${relative.split(path.sep).join('/')}`;

// --- the browser -----------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
const external = new Set();
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
  external.add(url);
  return route.abort();
});

async function open(relative, hash = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const response = await page.goto(href(relative) + hash, { waitUntil: 'load' });
  if (!response || !response.ok()) errors.push(`${relative} answered ${response?.status()}`);
  return { page, errors };
}

// --- the API reference -----------------------------------------------------------------------
const counts = {};
for (const c of manifest.contracts) {
  const doc = YAML.parse(fs.readFileSync(path.join(root, c.source), 'utf8'));
  const ops = operationsOf(doc);
  const { page, errors } = await open(c.page);
  await page.waitForSelector('[data-testid=middle-panel]', { timeout: 30_000 });
  await page.screenshot({ path: path.join(shots, `${c.name}-overview.png`) });
  // Redoc renders one tag per route (#/<tag>); each operation is a section "/<tag>/<operationid>",
  // drawn when its route is shown; a callback is drawn inside the operation that declares it.
  const tagRoutes = await page.$$eval('a[href^="/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
  const routes = new Map();
  for (const route of tagRoutes.filter((r) => r !== '/' && !r.startsWith('/section/'))) {
    await page.goto(href(c.page) + '#' + route);
    await page.waitForSelector(`[data-section-id="${route}"]`, { timeout: 15_000 }).catch(() => {});
    const ids = await page.$$eval('[data-section-id]', (els) => els.map((e) => e.getAttribute('data-section-id')));
    for (const id of ids) if (id.startsWith(route + '/') && id.split('/').length === 3) routes.set(id.split('/')[2], id);
  }
  let rendered = 0;
  let shot = false;
  for (const op of ops) {
    const owner = op.callbackOf ?? op.id;
    const route = routes.get(owner.toLowerCase());
    if (!route) {
      fail(`${c.name}: ${op.id} (${op.where}) has no rendered section`);
      continue;
    }
    await page.goto(href(c.page) + '#' + route);
    const selector = op.callbackOf
      ? `[id="${route.slice(1)}/callbacks/${op.callbackName}/${op.method}"]`
      : `[data-section-id="${route}"]`;
    const section = await page.waitForSelector(selector, { timeout: 15_000 }).catch(() => null);
    if (!section) {
      fail(`${c.name}: ${op.id} (${op.where}) has no rendered section at ${route}`);
      continue;
    }
    if (op.callbackOf) await section.click().catch(() => {});
    const text = op.callbackOf
      ? await page.$eval(`[data-section-id="${route}"]`, (e) => e.innerText)
      : await section.innerText();
    let ok = true;
    if (op.summary && !text.includes(op.summary)) {
      fail(`${c.name}: ${op.id}: the summary "${op.summary}" is not shown`);
      ok = false;
    }
    if (!op.example) {
      fail(`${c.name}: ${op.id}: the contract gives it no example (${op.from})`);
      ok = false;
    } else if (!text.includes(op.example)) {
      fail(`${c.name}: ${op.id}: its example (${op.from}: "${op.example}") is not shown`);
      ok = false;
    }
    if (ok) rendered++;
    if (!shot && op.where.startsWith('POST')) {
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `${c.name}-${op.id}.png`) });
      shot = true;
    }
  }
  for (const e of errors) fail(`${c.name}: the page threw: ${e}`);
  counts[c.name] = { operations: ops.length, rendered };
  await page.close();
}

// --- the pages rendered from Markdown ----------------------------------------------------------
const idsCache = new Map();
function idsOf(file) {
  if (!idsCache.has(file)) {
    const html = fs.readFileSync(file, 'utf8');
    idsCache.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'))));
  }
  return idsCache.get(file);
}

for (const p of [...manifest.pages, { source: null, page: 'index.html', title: 'Documentation' }]) {
  const { page, errors } = await open(p.page);
  const h1 = (await page.textContent('main h1').catch(() => null))?.replace(/^#/, '').trim();
  if (!h1) fail(`${p.page}: no title`);
  else if (p.source && h1 !== p.title) fail(`${p.page}: title "${h1}", expected "${p.title}"`);
  if (p.source) {
    const markdown = fs.readFileSync(path.join(root, p.source), 'utf8');
    const fences = (markdown.match(/^ {0,3}(```|~~~)/gm) ?? []).length / 2;
    const blocks = await page.$$eval('main pre', (els) => els.length);
    if (blocks < Math.floor(fences)) fail(`${p.page}: ${blocks} code blocks rendered, ${Math.floor(fences)} in ${p.source}`);
  }
  const links = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')));
  for (const href of links) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
    const [target, hash] = href.split('#');
    const file = target ? path.resolve(path.dirname(path.join(site, p.page)), decodeURI(target)) : path.join(site, p.page);
    if (!file.startsWith(site) || !fs.existsSync(file)) {
      fail(`${p.page}: the link ${href} leads nowhere`);
    } else if (hash && file.endsWith('.html') && !file.includes(`${path.sep}api${path.sep}`) && !idsOf(file).has(decodeURIComponent(hash))) {
      fail(`${p.page}: the link ${href} names an anchor that does not exist`);
    }
  }
  if (p.page === 'index.html') {
    for (const c of manifest.contracts) if (!links.includes(c.page)) fail(`index.html: no link to ${c.page}`);
    for (const g of manifest.pages) if (!links.includes(g.page)) fail(`index.html: no link to ${g.page}`);
    for (const j of manifest.javadoc) if (!links.includes(j)) fail(`index.html: no link to ${j}`);
    await page.screenshot({ path: path.join(shots, 'index.png'), fullPage: true });
  }
  if (p.source === 'docs/guides/bank.md') await page.screenshot({ path: path.join(shots, 'guide-bank.png') });
  for (const e of errors) fail(`${p.page}: the page threw: ${e}`);
  await page.close();
}
await browser.close();
server.close();

for (const url of external) fail(`a page tried to reach out of 127.0.0.1: ${url}`);

const seconds = ((Date.now() - started) / 1000).toFixed(1);
for (const [name, n] of Object.entries(counts)) console.log(`check: ${name}: ${n.rendered} of ${n.operations} operations rendered with their summaries and examples`);
console.log(`check: ${manifest.pages.length} pages and the index; screenshots in ${path.relative(root, shots)}/; ${seconds} s`);
if (failures.length) {
  console.error(`check: ${failures.length} failure(s):\n  ` + failures.join('\n  '));
  process.exit(1);
}
console.log('check: ok');
