// Renders the API reference and the guides into a static site under target/site:
//   api/<contract>.html   each OpenAPI document of docs/openapi, by Redocly (build-docs, Redoc inlined)
//   api/<contract>.yaml   the document itself, for generators and mock servers
//   <path>.html           README.md, CHANGELOG.md, docs/*.md, docs/guides/*.md and every Markdown
//                         file they link to, rendered with marked at the path they have in the repo
//   javadoc/              the combined Javadoc, when sdk-bundle/target/reports/apidocs exists
//   index.html            links to all of it
// Nothing is fetched from the network. Usage: npm --prefix docs/site run build
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(root, 'target/site');
const started = Date.now();

const START = ['README.md', 'CHANGELOG.md'];
for (const dir of ['docs', 'docs/guides']) {
  for (const f of fs.readdirSync(path.join(root, dir)).sort()) {
    if (f.endsWith('.md')) START.push(`${dir}/${f}`);
  }
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'api'), { recursive: true });

// --- the contracts ---------------------------------------------------------------------------
const contracts = fs
  .readdirSync(path.join(root, 'docs/openapi'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const file = path.join(root, 'docs/openapi', f);
    const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
    return { name: f.replace(/\.yaml$/, ''), file, title: doc.info.title, version: doc.info.version };
  });

const redocly = path.join(here, 'node_modules/.bin/redocly');
const quiet = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
for (const c of contracts) {
  execFileSync(
    redocly,
    [
      'build-docs', c.file,
      '--inlineBundle', // Redoc's scripts inside the page, not from a CDN
      '--output', path.join(out, 'api', `${c.name}.html`),
      '--title', `${c.title} ${c.version}`,
      '--lint-config', 'off',
    ],
    { env: quiet, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  fs.copyFileSync(c.file, path.join(out, 'api', `${c.name}.yaml`));
  localLogo(path.join(out, 'api', `${c.name}.html`));
}

// Redoc's footer credit loads its logo from a CDN: the site is served from 127.0.0.1 and reaches
// nothing else, so the credit shows a logo of our own (text) served beside the page.
function localLogo(page) {
  const html = fs.readFileSync(page, 'utf8');
  const cdn = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g;
  if (!cdn.test(html)) throw new Error(`${page}: Redoc's logo URL moved; update localLogo in build.mjs`);
  fs.writeFileSync(page, html.replace(cdn, 'redoc-logo.svg'));
  fs.writeFileSync(
    path.join(path.dirname(page), 'redoc-logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="16" viewBox="0 0 60 16">' +
      '<text x="0" y="12" font-family="sans-serif" font-size="12" fill="#555">Redoc</text></svg>\n',
  );
}

// --- the Markdown pages ----------------------------------------------------------------------
const pages = new Map(); // repo path -> { title, html }
const queue = [...START];
const copied = new Set();

function slugger() {
  const seen = new Map();
  return (text) => {
    // GitHub's rule: lower case, drop punctuation but - and _, spaces to -, repeats get -1, -2...
    let slug = text.toLowerCase().trim().replace(/<[^>]*>/g, '').replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(slug);
    seen.set(slug, (n ?? -1) + 1);
    if (n !== undefined) slug = `${slug}-${n + 1}`;
    return slug;
  };
}

function siteHref(fromRepoPath, targetRepoPath, hash) {
  const rel = path.posix.relative(path.posix.dirname(fromRepoPath), targetRepoPath) || path.posix.basename(targetRepoPath);
  return rel + (hash ? `#${hash}` : '');
}

/** A relative link of a page, pointed at what the site holds for it. */
function rewrite(fromRepoPath, href) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return href;
  const [target, hash] = href.split('#');
  const repoPath = path.posix.normalize(path.posix.join(path.posix.dirname(fromRepoPath), decodeURI(target)));
  if (repoPath.startsWith('..')) return href;
  const abs = path.join(root, repoPath);
  const contract = repoPath.match(/^docs\/openapi\/([^/]+)\.yaml$/);
  if (contract) return siteHref(fromRepoPath, `api/${contract[1]}.html`, hash);
  if (repoPath.endsWith('.md') && fs.existsSync(abs)) {
    if (!pages.has(repoPath) && !queue.includes(repoPath)) queue.push(repoPath);
    return siteHref(fromRepoPath, repoPath.replace(/\.md$/, '.html'), hash);
  }
  if (fs.existsSync(abs) && fs.statSync(abs).isFile() && fs.statSync(abs).size < 1_000_000) {
    copied.add(repoPath); // a source file or a resource: the site carries a copy
  }
  return href;
}

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function render(repoPath) {
  const source = fs.readFileSync(path.join(root, repoPath), 'utf8');
  const slug = slugger();
  let title = null;
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading({ tokens, depth, text }) {
        const inner = this.parser.parseInline(tokens);
        const plain = inner.replace(/<[^>]*>/g, '');
        if (depth === 1 && title === null) title = plain;
        const id = slug(text.replace(/`/g, ''));
        return `<h${depth} id="${escapeHtml(id)}"><a class="anchor" href="#${escapeHtml(id)}">#</a>${inner}</h${depth}>\n`;
      },
      link({ href, title: linkTitle, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const t = linkTitle ? ` title="${escapeHtml(linkTitle)}"` : '';
        return `<a href="${escapeHtml(rewrite(repoPath, href))}"${t}>${inner}</a>`;
      },
    },
  });
  const body = marked.parse(source);
  return { title: title ?? repoPath, body };
}

function layout(repoPath, title, body) {
  const home = siteHref(repoPath, 'index.html');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Hirfa SDK</title>
<style>${CSS}</style></head>
<body><header><a href="${home}">Hirfa SDK for Java · documentation</a><span class="src">${escapeHtml(repoPath)}</span></header>
<main class="markdown" data-source="${escapeHtml(repoPath)}">
${body}</main></body></html>
`;
}

const CSS = `
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;color:#1d2330;background:#fff}
header{background:#7a2e1d;color:#fff;padding:.6rem 1.5rem;display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}
header a{color:#fff;font-weight:600;text-decoration:none}header .src{opacity:.75;font-family:ui-monospace,monospace;font-size:.85rem}
main{max-width:58rem;margin:0 auto;padding:1rem 1.5rem 4rem}
h1,h2,h3,h4{line-height:1.25;margin-top:1.8em}h1{margin-top:.6em}
a{color:#0b5cad}a.anchor{float:left;margin-left:-1.1em;width:1em;opacity:0;text-decoration:none}
h1:hover a.anchor,h2:hover a.anchor,h3:hover a.anchor,h4:hover a.anchor{opacity:.5}
code{font:.9em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f1ee;padding:.1em .3em;border-radius:3px}
pre{background:#f6f4f1;border:1px solid #e6e1da;border-radius:6px;padding:.8rem 1rem;overflow:auto}pre code{background:none;padding:0}
table{border-collapse:collapse;display:block;overflow:auto}th,td{border:1px solid #ddd;padding:.35rem .6rem;vertical-align:top}th{background:#f6f4f1}
blockquote{margin-left:0;padding-left:1rem;border-left:4px solid #e6e1da;color:#4a5160}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
.card{border:1px solid #e6e1da;border-radius:8px;padding:1rem}.card h3{margin-top:0}
`;

while (queue.length > 0) {
  const repoPath = queue.shift();
  if (pages.has(repoPath)) continue;
  const { title, body } = render(repoPath);
  pages.set(repoPath, { title });
  const target = path.join(out, repoPath.replace(/\.md$/, '.html'));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, layout(repoPath, title, body));
}
for (const repoPath of copied) {
  const target = path.join(out, repoPath);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(root, repoPath), target);
}

// --- the Javadoc, when it was built ----------------------------------------------------------
const JAVADOC = [
  { dir: 'sdk-bundle/target/reports/apidocs', site: 'javadoc', what: 'Core, payments and catalog' },
  { dir: 'sdk-testkit/target/reports/apidocs', site: 'javadoc-testkit', what: 'The embedded sandbox (testkit)' },
];
const javadoc = [];
for (const j of JAVADOC) {
  if (fs.existsSync(path.join(root, j.dir, 'index.html'))) {
    fs.cpSync(path.join(root, j.dir), path.join(out, j.site), { recursive: true });
    javadoc.push(j);
  }
}

// --- the index -------------------------------------------------------------------------------
const group = (prefix) => [...pages.keys()].filter((p) => prefix(p)).sort();
const item = (p) => `<li><a href="${escapeHtml(p.replace(/\.md$/, '.html'))}">${escapeHtml(pages.get(p).title)}</a> <code>${escapeHtml(p)}</code></li>`;
const apiCards = contracts
  .map(
    (c) => `<div class="card"><h3><a href="api/${c.name}.html">${escapeHtml(c.title)}</a></h3>
<p>Version ${escapeHtml(c.version)}. Every operation, its parameters, responses and examples;
webhooks and their payloads. The document itself: <a href="api/${c.name}.yaml"><code>${c.name}.yaml</code></a>.</p></div>`,
  )
  .join('\n');
const javadocHtml = javadoc.length
  ? `<ul>${javadoc.map((j) => `<li><a href="${j.site}/index.html">${escapeHtml(j.what)}</a></li>`).join('')}</ul>`
  : `<p>Not built. <code>./mvnw -q -DskipTests -pl sdk-bundle -am package</code> renders it into
<code>sdk-bundle/target/reports/apidocs</code>; build the site again to include it.</p>`;
const index = `<h1>Hirfa SDK for Java</h1>
<p>The API reference of the two contracts the SDK implements, the guides, and the rest of the
documentation, rendered from the repository by <code>npm --prefix docs/site run build</code>.</p>
<h2 id="api-reference">API reference</h2>
<div class="cards">${apiCards}</div>
<h2 id="javadoc">Java API (Javadoc)</h2>
${javadocHtml}
<h2 id="guides">Guides</h2>
<ul>${group((p) => p.startsWith('docs/guides/')).map(item).join('\n')}</ul>
<h2 id="documentation">Documentation</h2>
<ul>${group((p) => p.startsWith('docs/') && !p.startsWith('docs/guides/')).map(item).join('\n')}</ul>
<h2 id="more">More</h2>
<ul>${group((p) => !p.startsWith('docs/')).map(item).join('\n')}</ul>
`;
fs.writeFileSync(path.join(out, 'index.html'), layout('index.html', 'Documentation', index).replace(/<span class="src">index.html<\/span>/, ''));

const manifest = {
  contracts: contracts.map((c) => ({ name: c.name, title: c.title, page: `api/${c.name}.html`, source: path.relative(root, c.file) })),
  pages: [...pages.entries()].map(([source, p]) => ({ source, page: source.replace(/\.md$/, '.html'), title: p.title })),
  javadoc: javadoc.map((j) => `${j.site}/index.html`),
};
fs.writeFileSync(path.join(out, 'site.json'), JSON.stringify(manifest, null, 2));
console.log(
  `site: ${contracts.length} API references, ${pages.size} pages, ${javadoc.length ? 'Javadoc' : 'no Javadoc'} -> ${path.relative(process.cwd(), out) || out}/index.html in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
