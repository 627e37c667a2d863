// The review page's own CSS, on top of the shared style sheet (src/render/html/css.ts, which also hides the
// sidebar and toolbar in print). Kinds of change are told by words (badges) as well as colour; focus is always
// visible; every colour pair passes WCAG AA (4.5:1) on its background.

export const REVIEW_CSS = `
body { margin: 0; display: grid; grid-template-columns: minmax(14em, 20em) 1fr; min-height: 100vh; }
.skip { position: absolute; left: -999em; } .skip:focus { left: 1em; top: 1em; background: #fff; padding: 0.5em; z-index: 9; }
nav { position: sticky; top: 0; height: 100vh; overflow: auto; border-right: 1px solid #7f7f7f; padding: 0.5em 0.8em; box-sizing: border-box; background: #f4f6f9; font-size: 10pt; }
nav h2 { font-size: 11pt; margin: 0.5em 0; border: 0; }
nav ul { list-style: none; margin: 0; padding: 0; } nav ul ul { padding-left: 0.8em; margin-bottom: 0.5em; }
nav a { color: #003a80; text-decoration: none; } nav a:hover, nav a:focus { text-decoration: underline; }
nav li[aria-current="true"] > a { font-weight: bold; text-decoration: underline; }
nav .doc-link { font-weight: bold; display: block; margin-top: 0.4em; }
main { padding: 0 2em 40vh 2em; max-width: 60em; }
.toolbar { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #7f7f7f; padding: 0.4em 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; align-items: center; font-size: 10pt; }
.toolbar fieldset { border: 0; margin: 0; padding: 0; display: inline-flex; gap: 0.3em; align-items: center; flex-wrap: wrap; }
.toolbar legend { float: left; font-weight: bold; margin-right: 0.3em; }
button, select { font: inherit; }
button[aria-pressed="true"] { background: #003a80; color: #fff; border: 1px solid #003a80; }
:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
article:focus { outline: 3px solid #b35900; outline-offset: 4px; }
.summary table { border-collapse: collapse; font-size: 10pt; margin: 0.5em 0; }
.summary th, .summary td { border: 1px solid #7f7f7f; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
.summary td.n { text-align: right; }
section.doc > h2 { position: static; }
.version { color: #404040; font-style: italic; margin: 0.2em 0 0.8em 0; }
/* Off-screen clauses are not laid out or painted until they come near the viewport: ~600 changes stay fast. */
article.change, article.context { content-visibility: auto; contain-intrinsic-size: auto 8em; }
article.change, article.context { border-top: 1px solid #c8c8c8; padding: 0.3em 0 0.6em 0; scroll-margin-top: 7em; }
article h3 { font-size: 11pt; margin: 0.4em 0; display: flex; flex-wrap: wrap; gap: 0.2em 0.6em; align-items: baseline; }
article h3 a { color: #000; }
.badge { font-size: 8.5pt; font-weight: bold; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.35em; text-transform: uppercase; letter-spacing: 0.03em; }
.badge.changed { color: #5c3d00; } .badge.inserted { color: #0000b3; } .badge.deleted { color: #a00000; }
.badge.moved, .badge.renumbered { color: #3d1a66; } .badge.unchanged { color: #404040; }
.note { font-weight: normal; color: #404040; }
.groups { font-weight: normal; font-size: 9pt; color: #404040; }
.context { display: none; } body.show-context .context { display: block; }
article.context { color: #333; }
.sbs { display: none; }
body.view-sbs .inline { display: none; }
body.view-sbs .sbs { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2em; }
.sbs > div { min-width: 0; } .sbs h4 { font-size: 9pt; margin: 0; color: #404040; text-transform: uppercase; }
.sbs table.sec { margin-left: 0; }
.empty { color: #404040; font-style: italic; }
#status { font-weight: bold; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
ins::before, ins::after, del::before, del::after { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
ins::before { content: " [insertion] "; } ins::after { content: " [end insertion] "; }
del::before { content: " [deletion] "; } del::after { content: " [end deletion] "; }
@media print { body { display: block; } main { max-width: none; padding: 0; } .context { display: none !important; } article { break-inside: avoid-page; } body.view-sbs .sbs { display: none; } body.view-sbs .inline { display: block; } }
`;
