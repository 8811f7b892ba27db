import { escapeHtml } from './escape-html.js';
import { pageLayout } from './page-layout.js';

/** A page without a form: the device is signed in, or something went wrong. */
export function messagePage(title: string, lines: readonly string[]): string {
  return pageLayout(title, lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n'));
}
