import { escapeHtml } from './escape-html.js';

const STYLE =
  'body{font-family:system-ui,sans-serif;background:#f4f4f5;margin:0;padding:2rem 1rem}' +
  'main{max-width:22rem;margin:0 auto;background:#fff;padding:1.5rem;border-radius:8px;box-shadow:0 1px 3px #0003}' +
  'h1{font-size:1.4rem;margin-top:0}label{display:block;margin:.8rem 0 .3rem;font-weight:600}' +
  'input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #888;border-radius:4px}' +
  'button{margin-top:1rem;width:100%;padding:.7rem;font-size:1rem;border:0;border-radius:4px;background:#f68330;color:#000;font-weight:600;cursor:pointer}' +
  'button.secondary{background:#e4e4e7}.error{color:#b00020}.hint{color:#52525b;font-size:.9rem;margin:.3rem 0 0}code{font-size:1.4rem;letter-spacing:.1em}';

/**
 * Every page of the embedded provider: one small HTML document, no script (forms work with
 * JavaScript off), a language, a title, and the heading repeated for screen readers.
 */
export function pageLayout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · NetBird</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

/** An error or notice line that assistive technology announces. */
export function alertLine(message: string | undefined): string {
  return message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : '';
}
