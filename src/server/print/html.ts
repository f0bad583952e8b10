/** Escapes text for HTML: every value placed in a printed document goes through this. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const LOGO = `<svg viewBox="0 0 48 48" width="56" height="56" aria-hidden="true"><circle cx="24" cy="24" r="23" fill="#1d6f8a"/><path d="M24 9c-6 8-11 14-11 20a11 11 0 0 0 22 0c0-6-5-12-11-20z" fill="#fff"/><path d="M19 30a5 5 0 0 0 5 5" stroke="#1d6f8a" stroke-width="2.5" fill="none" stroke-linecap="round"/></svg>`;

/**
 * An A4 page for printing (letters, minutes, reports): the association's header, its logo, and a signature
 * block; the browser shapes the Arabic. Print uses self-hosted Noto Sans Arabic rather than the UI font: the
 * UI font's optional ligatures come out reversed in the text layer of Chromium's PDFs (decision 004).
 */
export function printPage(opts: {
  title: string;
  orgNameAr: string;
  letterhead: string;
  body: string;
  lang?: 'ar' | 'en';
  /** The association's uploaded logo (or the water mark until one is uploaded); false: the built-in mark only. */
  logo?: boolean;
}): string {
  return `<!doctype html>
<html lang="${opts.lang ?? 'ar'}" dir="rtl">
<head>
<meta charset="utf-8">
<title>${esc(opts.title)}</title>
<style>
@font-face { font-family: 'Wasl Print'; font-weight: 400; src: url('/fonts/noto-sans-arabic-arabic-400-normal.woff2') format('woff2'); unicode-range: U+0600-06FF, U+0750-077F, U+FB50-FDFF, U+FE70-FEFF; }
@font-face { font-family: 'Wasl Print'; font-weight: 700; src: url('/fonts/noto-sans-arabic-arabic-700-normal.woff2') format('woff2'); unicode-range: U+0600-06FF, U+0750-077F, U+FB50-FDFF, U+FE70-FEFF; }
@font-face { font-family: 'Wasl Print'; font-weight: 400; src: url('/fonts/noto-sans-arabic-latin-400-normal.woff2') format('woff2'); unicode-range: U+0000-00FF, U+2000-206F; }
@font-face { font-family: 'Wasl Print'; font-weight: 700; src: url('/fonts/noto-sans-arabic-latin-700-normal.woff2') format('woff2'); unicode-range: U+0000-00FF, U+2000-206F; }
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: 'Wasl Print', sans-serif; font-size: 12pt; line-height: 1.8; color: #1a202c; margin: 0; }
main { max-width: 178mm; margin: 0 auto; padding: 8mm 0; }
header.letterhead { display: flex; align-items: center; gap: 12px; border-block-end: 2px solid #1d6f8a; padding-block-end: 8px; margin-block-end: 16px; }
header.letterhead img.logo { width: 56px; height: 56px; object-fit: contain; }
header.letterhead .org { font-weight: 700; font-size: 15pt; color: #134e61; }
header.letterhead .sub { font-size: 9.5pt; color: #4a5568; }
.meta { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 4px 16px; font-size: 10.5pt; margin-block-end: 14px; }
h1 { font-size: 15pt; text-align: center; margin: 12px 0; }
h2 { font-size: 12.5pt; margin: 14px 0 4px; color: #134e61; }
table { width: 100%; border-collapse: collapse; font-size: 10.5pt; margin-block: 10px; }
th, td { border: 1px solid #a0aec0; padding: 4px 6px; text-align: start; vertical-align: top; }
th { background: #edf6f9; }
.num { unicode-bidi: isolate; direction: ltr; display: inline-block; white-space: nowrap; }
.signatures { display: grid; grid-template-columns: repeat(auto-fill, minmax(55mm, 1fr)); gap: 18px 24px; margin-block-start: 28px; break-inside: avoid; }
.signatures div { border-block-start: 1px dotted #4a5568; padding-block-start: 4px; font-size: 10.5pt; min-height: 22mm; }
footer { margin-block-start: 18px; font-size: 9pt; color: #4a5568; text-align: center; }
@media screen { body { background: #f1f5f9; } main { background: #fff; padding: 16mm; margin-block: 12px; box-shadow: 0 1px 4px rgba(0,0,0,.15); } }
</style>
</head>
<body>
<main>
<header class="letterhead">${opts.logo === false ? LOGO : '<img class="logo" src="/api/public/organization/logo" alt="" width="56" height="56">'}<div><div class="org">${esc(opts.orgNameAr)}</div><div class="sub">${esc(opts.letterhead)}</div></div></header>
${opts.body}
</main>
</body>
</html>`;
}
