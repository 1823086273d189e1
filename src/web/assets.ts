/**
 * The web app's static files, kept as string constants so the app needs no
 * build step and no files next to the compiled code. Served from
 * `/assets/<name>` with a long cache lifetime; pages add `?v=` so a new
 * release is fetched afresh.
 */

/** Bump when an asset changes. */
export const ASSET_VERSION = '2'

const STYLE = `
:root {
  --ink: #1b1f24; --muted: #566170; --faint: #646e7c; --line: #d9dee5; --soft: #f4f6f9; --paper: #fff;
  --accent: #1d4ed8; --accent-soft: #e8efff;
  --original: #1d4ed8; --original-bg: #dbe7ff;
  --copy: #b42318; --copy-bg: #fde2df;
  --rewrite: #b54708; --rewrite-bg: #fdead7;
  --partial: #8a6100; --partial-bg: #fbf1c7;
  --related: #6b3fa0; --related-bg: #efe5fb;
  --independent: #17692f; --independent-bg: #dcf3e3;
  --del: #fde2df; --ins: #d9f2e0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--ink); background: var(--soft);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
/* Links inside running text are underlined: colour alone does not tell them apart. */
p a, li a, dd a, .summary-box a, .reason a, .finding a { text-decoration: underline; text-underline-offset: 2px; }
code, .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; color: var(--muted); }
h1 { font-size: 1.45rem; line-height: 1.25; margin: 0 0 0.35rem; }
h2 { font-size: 1.05rem; margin: 1.8rem 0 0.6rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 0.95rem; margin: 1.2rem 0 0.4rem; }
p { margin: 0.4rem 0 0.8rem; }
.muted { color: var(--muted); }
.faint { color: var(--faint); }
.small { font-size: 0.85rem; }

header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem; padding: 0.6rem 1.5rem;
  background: #14213d; color: #fff; }
header.top .brand { color: #fff; font-weight: 700; letter-spacing: 0.02em; font-size: 1.05rem; }
header.top nav { display: flex; gap: 1rem; }
header.top nav a { color: #c9d6f2; }
header.top nav a[aria-current="page"] { color: #fff; font-weight: 600; }
form.search { display: flex; gap: 0.35rem; margin-left: auto; flex: 0 1 24rem; }
form.search input { flex: 1; min-width: 0; padding: 0.35rem 0.55rem; border: 1px solid #40527a; border-radius: 4px; font: inherit; }
form.search button, button.toggle { padding: 0.35rem 0.8rem; border: 0; border-radius: 4px; background: var(--accent); color: #fff; font: inherit; cursor: pointer; }
button.toggle { background: var(--paper); color: var(--accent); border: 1px solid var(--line); font-size: 0.85rem; padding: 0.2rem 0.6rem; }

main { max-width: 1180px; margin: 1.2rem auto 3rem; padding: 1.2rem 1.5rem 1.5rem; background: var(--paper);
  border: 1px solid var(--line); border-radius: 6px; }
main.wide { max-width: 1400px; }
.lede { margin-bottom: 1rem; }
.facts { display: flex; flex-wrap: wrap; gap: 0.3rem 1.4rem; margin: 0.3rem 0 0.8rem; color: var(--muted); font-size: 0.9rem; }
.facts b { color: var(--ink); font-weight: 600; }

.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); }
th { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
tbody tr:hover { background: #fafbfd; }

.kind { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 999px; font-size: 0.78rem; font-weight: 600; white-space: nowrap; }
.kind-original { color: var(--original); background: var(--original-bg); }
.kind-copy { color: var(--copy); background: var(--copy-bg); }
.kind-rewrite { color: var(--rewrite); background: var(--rewrite-bg); }
.kind-partial { color: var(--partial); background: var(--partial-bg); }
.kind-related { color: var(--related); background: var(--related-bg); }
.kind-independent { color: var(--independent); background: var(--independent-bg); }
.flag { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 4px; font-size: 0.75rem; font-weight: 700;
  color: var(--copy); background: var(--copy-bg); white-space: nowrap; }
.verdict { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 4px; font-size: 0.78rem; font-weight: 600; white-space: nowrap;
  color: var(--muted); background: var(--soft); }
.verdict-agree { color: var(--independent); background: var(--independent-bg); }
.verdict-differ { color: var(--copy); background: var(--copy-bg); }
.verdict-not-comparable { color: var(--related); background: var(--related-bg); }
.verdict-update { color: var(--original); background: var(--original-bg); }
table.figures tbody.figure-group tr.group-head th { text-transform: none; letter-spacing: 0; font-size: 0.9rem; color: var(--ink);
  font-weight: 400; background: #f7f8fb; border-top: 2px solid var(--line); }
table.figures .reason { margin-top: 0.15rem; }
.finding { color: var(--copy); margin-top: 0.1rem; }
.finding.muted { color: var(--muted); }
.quote { padding: 0.4rem 0 0.6rem; border-bottom: 1px solid var(--line); }
.quote blockquote { font-size: 0.97rem; }
.variant { margin: 0.25rem 0 0 0.9rem; color: var(--muted); }
ul.claims { margin: 0; padding-left: 1rem; }
details summary { cursor: pointer; color: var(--accent); margin: 0.15rem 0; }
details[open] summary { margin-bottom: 0.2rem; }
ul.claims li { margin: 0.1rem 0; }

.graph { margin: 0.6rem 0 1rem; overflow-x: auto; }
.graph svg { max-width: 100%; height: auto; }
ul.edges { list-style: none; padding: 0; margin: 0.4rem 0; font-size: 0.9rem; }
ul.edges li { padding: 0.2rem 0; }

article.body { max-width: 44rem; font-size: 1rem; line-height: 1.6; }
article.body p { margin: 0 0 0.9rem; }
article.body h3 { font-size: 1.05rem; margin: 1.3rem 0 0.5rem; }
blockquote { margin: 0.3rem 0; padding: 0.1rem 0.8rem; border-left: 3px solid var(--line); color: var(--ink); }
.removed-text { white-space: pre-wrap; word-break: break-word; color: var(--muted); }
.rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.8rem; color: var(--rewrite); white-space: nowrap; }

table.compare { table-layout: fixed; }
table.compare td { width: 50%; line-height: 1.5; font-size: 0.93rem; }
table.compare td.score { width: 4.5rem; text-align: center; color: var(--muted); font-size: 0.78rem; white-space: nowrap; }
table.compare th.score { width: 4.5rem; }
table.compare tr.unaligned td { color: var(--faint); background: #fbfbfc; }
table.compare tr.quote-only td.score { color: var(--related); }
table.compare.hide-unaligned tr.unaligned { display: none; }
del { background: var(--del); color: #7a1a12; text-decoration: line-through; text-decoration-color: rgba(122, 26, 18, 0.45); border-radius: 2px; padding: 0 1px; }
ins { background: var(--ins); color: #0f5128; text-decoration: none; border-radius: 2px; padding: 0 1px; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; font-size: 0.82rem; color: var(--muted); margin: 0.4rem 0 0.8rem; align-items: center; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.columns > div { min-width: 0; }

.pager { display: flex; gap: 1rem; margin-top: 1rem; font-size: 0.9rem; }
.hit { padding: 0.6rem 0; border-bottom: 1px solid var(--line); }
.hit .snippet { margin: 0.2rem 0 0; color: var(--muted); font-size: 0.9rem; }
.hit mark, .snippet mark { background: #fff2a8; color: inherit; }
meter { width: 6rem; vertical-align: middle; }
.notice { padding: 0.6rem 0.8rem; border-radius: 4px; background: var(--accent-soft); font-size: 0.9rem; margin: 0.6rem 0; }

/* Keyboard users see where they are, on every control. */
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #f59e0b; outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; color: var(--accent); padding: 0.4rem 0.8rem; z-index: 10; }
.skip:focus { left: 0.5rem; top: 0.5rem; }

/* Claims highlighted in an article's text. */
.legend .claim { padding: 0 0.35rem; }
mark.claim, .legend .claim { color: inherit; border-radius: 2px; }
.claim-quote { background: #e4eaff; }
.claim-speech { background: #f1e6fd; }
.claim-figure { background: #ffe9a8; font-weight: 600; }
.claim-event { background: #d3f3dd; }
mark.claim-entity, .legend .claim-entity { background: transparent; border-bottom: 2px dotted #4b5563; }
mark.claim.inferred, .legend .claim.inferred { border-bottom: 2px dashed #b54708; }
mark.claim[tabindex] { cursor: help; }
mark.claim:focus-visible { outline: 3px solid #f59e0b; outline-offset: 1px; }
a.claim-link { color: var(--ink); border-radius: 2px; padding: 0 0.15rem; }
.reading { display: grid; grid-template-columns: minmax(0, 1fr) 21rem; gap: 1.5rem; align-items: start; }
aside.claims-list { position: sticky; top: 0.8rem; max-height: calc(100vh - 1.6rem); overflow-y: auto; font-size: 0.85rem;
  border-left: 1px solid var(--line); padding-left: 1rem; }
aside.claims-list ol { margin: 0.2rem 0 0.6rem; padding-left: 1.3rem; }
.claim-item { margin: 0.25rem 0; }
.claim-item:target, .claim-item.current { background: var(--accent-soft); }
dl.claim-details { display: grid; grid-template-columns: max-content 1fr; gap: 0 0.5rem; margin: 0.15rem 0 0.4rem; color: var(--muted); }
dl.claim-details dt { font-weight: 600; }
dl.claim-details dd { margin: 0; }
.inferred-note { color: #8a3a05; font-size: 0.8rem; }
.claim-tip { position: absolute; z-index: 20; max-width: 26rem; background: #fff; border: 1px solid #475467; border-radius: 4px;
  box-shadow: 0 4px 14px rgba(16, 24, 40, 0.18); padding: 0.4rem 0.6rem; font-size: 0.85rem; }
.claim-tip dl.claim-details { color: var(--ink); }
.claim-tip .tip-kind { font-weight: 700; margin-bottom: 0.2rem; }

/* Sections that open on demand. */
details.section { border-bottom: 1px solid var(--line); }
details.section > summary { list-style: none; display: flex; align-items: baseline; gap: 0.5rem; margin: 0; padding: 0.2rem 0; }
details.section > summary::-webkit-details-marker { display: none; }
details.section > summary::before { content: "▸"; color: var(--accent); width: 1rem; }
details.section[open] > summary::before { content: "▾"; }
details.section > summary h2 { display: inline; border: 0; margin: 0.9rem 0 0.5rem; padding: 0; }
details.section > summary .count { color: var(--muted); font-size: 0.85rem; }
.summary-box { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0.6rem 0 1rem; }
.summary-box ul { margin: 0.2rem 0; padding-left: 1.2rem; }
.why { color: var(--muted); font-size: 0.9rem; }
.exports { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.4rem 0; font-size: 0.85rem; }
.exports a { border: 1px solid var(--line); border-radius: 4px; padding: 0.15rem 0.6rem; background: var(--paper); }
a.permalink { color: var(--muted); font-size: 0.8rem; margin-left: 0.3rem; }
form.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 0.5rem 0 1rem; font-size: 0.85rem; }
form.filters label { display: flex; flex-direction: column; gap: 0.15rem; color: var(--muted); }
form.filters input { font: inherit; padding: 0.25rem 0.4rem; border: 1px solid var(--line); border-radius: 4px; }
form.filters button { font: inherit; padding: 0.3rem 0.8rem; border: 0; border-radius: 4px; background: var(--accent); color: #fff; }
.aliases { font-size: 0.85rem; color: var(--muted); }
.hit .story { font-size: 0.85rem; }

@media (max-width: 760px) {
  .reading { grid-template-columns: 1fr; }
  aside.claims-list { position: static; max-height: none; border-left: 0; padding-left: 0; }
  :root { font-size: 14px; }
  header.top { padding: 0.6rem 0.8rem; }
  form.search { flex-basis: 100%; margin-left: 0; }
  main { margin: 0; border: 0; border-radius: 0; padding: 0.9rem 0.8rem; }
  .columns { grid-template-columns: 1fr; }
  th, td { padding: 0.3rem 0.4rem; }
  .hide-narrow { display: none; }
  table.compare td.score, table.compare th.score { width: 3rem; }
}
`

/** Progressive enhancement only: every page works without it. */
const SCRIPT = `'use strict';
document.addEventListener('DOMContentLoaded', function () {
  // A link into a folded section opens it (browsers without auto-expanding details).
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var node = target; node; node = node.parentElement) if (node.tagName === 'DETAILS') node.open = true;
    return target;
  }
  openTarget();
  window.addEventListener('hashchange', openTarget);

  // Claims in an article: a tooltip with what was read, on hover and on keyboard focus.
  var marks = Array.prototype.slice.call(document.querySelectorAll('mark.claim'));
  var tip = null;
  function hideTip() { if (tip) { tip.remove(); tip = null; } }
  function showTip(mark) {
    var details = document.getElementById('d-' + mark.getAttribute('data-claim'));
    if (!details) return;
    hideTip();
    tip = document.createElement('div');
    tip.className = 'claim-tip';
    tip.id = 'claim-tip';
    tip.setAttribute('role', 'tooltip');
    var kind = document.createElement('div');
    kind.className = 'tip-kind';
    kind.textContent = mark.getAttribute('data-title') || '';
    tip.appendChild(kind);
    tip.appendChild(details.cloneNode(true)).removeAttribute('id');
    document.body.appendChild(tip);
    var box = mark.getBoundingClientRect();
    tip.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8)) + 'px';
    tip.style.top = (window.scrollY + box.bottom + 6) + 'px';
  }
  marks.forEach(function (mark) {
    // The script's tooltip replaces the browser's own.
    mark.setAttribute('data-title', mark.getAttribute('title') || '');
    mark.removeAttribute('title');
    mark.addEventListener('mouseenter', function () { showTip(mark); });
    mark.addEventListener('mouseleave', hideTip);
    mark.addEventListener('focus', function () { showTip(mark); });
    mark.addEventListener('blur', hideTip);
    mark.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') hideTip();
      if (event.key === 'Enter') {
        var item = document.getElementById('claim-' + mark.getAttribute('data-claim'));
        if (item) { location.hash = item.id; item.querySelector('a').focus(); }
      }
    });
  });
  // The side list jumps to the claim and puts the keyboard there.
  document.querySelectorAll('a.claim-link').forEach(function (link) {
    link.addEventListener('click', function () {
      var mark = document.getElementById(link.getAttribute('href').slice(1));
      if (mark) setTimeout(function () { mark.focus(); }, 0);
    });
  });
  // n and p step to the next and previous claim in the text.
  var focusable = marks.filter(function (m) { return m.hasAttribute('tabindex'); });
  document.addEventListener('keydown', function (event) {
    if (focusable.length === 0 || event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = (event.target && event.target.tagName) || '';
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    if (event.key !== 'n' && event.key !== 'p') return;
    var at = focusable.indexOf(document.activeElement);
    var next = event.key === 'n' ? (at + 1) % focusable.length : (at <= 0 ? focusable.length - 1 : at - 1);
    focusable[next].focus();
    event.preventDefault();
  });

  // Side-by-side view: hide or show the sentences that no sentence of the other article retells.
  document.querySelectorAll('button[data-toggle-unaligned]').forEach(function (button) {
    var table = document.getElementById(button.getAttribute('data-toggle-unaligned'));
    if (!table) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var hidden = table.classList.toggle('hide-unaligned');
      button.textContent = hidden ? 'Show unaligned sentences' : 'Hide unaligned sentences';
    });
  });
});
`

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#14213d"/><path d="M4 4h5v5H4z" fill="#9db7f5"/><path d="M7 7h5v5H7z" fill="#fff" fill-opacity=".85"/></svg>`

export interface Asset {
  readonly type: string
  readonly body: string
}

/** The files under `/assets/`, by name. */
export const ASSETS: ReadonlyMap<string, Asset> = new Map([
  ['style.css', { type: 'text/css; charset=utf-8', body: STYLE }],
  ['app.js', { type: 'text/javascript; charset=utf-8', body: SCRIPT }],
  ['icon.svg', { type: 'image/svg+xml', body: ICON }],
])
