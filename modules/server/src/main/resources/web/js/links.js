// Text to DOM nodes with clickable links. Builds text nodes and anchors only (never innerHTML),
// so nothing a user sends can become markup.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/; // "see https://x.org." — the dot ends the sentence, not the link

export function linkify(text) {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    const trail = TRAILING.exec(url);
    if (trail && !(trail[0].startsWith(')') && url.includes('('))) url = url.slice(0, url.length - trail[0].length);
    if (m.index > last) frag.append(text.slice(last, m.index));
    const a = document.createElement('a');
    a.href = url.startsWith('www.') ? 'https://' + url : url;
    a.textContent = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    frag.append(a);
    last = m.index + url.length;
  }
  if (last < text.length) frag.append(text.slice(last));
  return frag;
}
