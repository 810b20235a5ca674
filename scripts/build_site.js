// Builds the tutorial site: each docs/tutorial/*.md becomes site/tutorial/<name>.html, rendered
// with marked at build time (no CDN, no script to render in the reader's browser), with the
// live <ddb-playground> embeds it holds left as they are written; site/tutorial/index.html lists
// the pages in the order of their file names. site/ is a build output (not committed).
//
//   node scripts/build_site.js

import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { marked } from 'marked';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'docs', 'tutorial');
const OUTPUT = path.join(ROOT, 'site', 'tutorial');

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function page(title, navigation, body) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)} · DynamoDB Playground tutorial</title>
    <link rel="stylesheet" href="tutorial.css" />
    <script type="module" src="../../web/embed/ddb-playground.js"></script>
  </head>
  <body>
    <nav aria-label="Tutorial pages">${navigation}</nav>
    <main>
${body}
    </main>
  </body>
</html>
`;
}

const STYLE = `body { margin: 0; font: 16px/1.6 system-ui, sans-serif; color: #1c2430; display: flex; flex-wrap: wrap; }
nav { flex: 0 0 15em; padding: 1em; background: #f4f6f8; border-right: 1px solid #d8dde3; }
nav ol { padding-left: 1.2em; margin: 0; }
nav a[aria-current] { font-weight: 700; color: #1c2430; }
main { flex: 1 1 30em; max-width: 48em; padding: 1em 2em 3em; min-width: 0; }
code { font-family: ui-monospace, monospace; font-size: 0.9em; }
pre { overflow: auto; padding: 0.8em; background: #f4f6f8; }
@media (max-width: 700px) { nav { flex-basis: 100%; border-right: none; } main { padding: 1em; } }
`;

const names = (await readdir(SOURCE)).filter((name) => name.endsWith('.md')).sort();
const pages = [];
for (const name of names) {
  const markdown = await readFile(path.join(SOURCE, name), 'utf8');
  const title = markdown.match(/^# (.+)$/m)?.[1] ?? name;
  pages.push({ slug: name.replace(/^\d+-/, '').replace(/\.md$/, ''), title, markdown });
}

await rm(OUTPUT, { recursive: true, force: true });
await mkdir(OUTPUT, { recursive: true });
await writeFile(path.join(OUTPUT, 'tutorial.css'), STYLE);
const navigation = (current) =>
  `<p><a href="index.html">Tutorial</a> · <a href="../../web/">Playground</a></p><ol>${pages
    .map((p) => `<li><a href="${p.slug}.html"${p.slug === current ? ' aria-current="page"' : ''}>${escapeHtml(p.title)}</a></li>`)
    .join('')}</ol>`;
for (const p of pages) {
  await writeFile(path.join(OUTPUT, `${p.slug}.html`), page(p.title, navigation(p.slug), marked.parse(p.markdown)));
}
const index = `<h1>DynamoDB, tried as you read</h1>
<p>Each page explains one idea and shows it with live embeds: press Send and the playground in this
page answers, with the capacity the request consumed.</p>
<ol>${pages.map((p) => `<li><a href="${p.slug}.html">${escapeHtml(p.title)}</a></li>`).join('')}</ol>`;
await writeFile(path.join(OUTPUT, 'index.html'), page('Tutorial', navigation(null), index));
console.log(`site: ${pages.length} tutorial pages in site/tutorial/`);
