// IRC lines <-> messages, and the few name rules the client needs. No DOM, no network.

const TAG_UNESCAPE = { ':': ';', 's': ' ', '\\': '\\', 'r': '\r', 'n': '\n' };

function unescapeTag(value) {
  return value.replace(/\\(.?)/g, (_, c) => (c in TAG_UNESCAPE ? TAG_UNESCAPE[c] : c));
}

function escapeTag(value) {
  return String(value).replace(/[\\; \r\n]/g, (c) => ({ '\\': '\\\\', ';': '\\:', ' ': '\\s', '\r': '\\r', '\n': '\\n' })[c]);
}

/** Parses one line (no CRLF) into { tags, prefix, nick, command, params }. */
export function parse(line) {
  const msg = { tags: {}, prefix: null, nick: null, command: '', params: [] };
  let rest = line;
  if (rest.startsWith('@')) {
    const sp = rest.indexOf(' ');
    for (const part of rest.slice(1, sp < 0 ? undefined : sp).split(';')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      msg.tags[eq < 0 ? part : part.slice(0, eq)] = eq < 0 ? '' : unescapeTag(part.slice(eq + 1));
    }
    rest = sp < 0 ? '' : rest.slice(sp + 1).replace(/^ +/, '');
  }
  if (rest.startsWith(':')) {
    const sp = rest.indexOf(' ');
    msg.prefix = rest.slice(1, sp < 0 ? undefined : sp);
    msg.nick = msg.prefix.split('!')[0];
    rest = sp < 0 ? '' : rest.slice(sp + 1).replace(/^ +/, '');
  }
  while (rest.length) {
    if (rest.startsWith(':')) {
      msg.params.push(rest.slice(1));
      break;
    }
    const sp = rest.indexOf(' ');
    const word = sp < 0 ? rest : rest.slice(0, sp);
    if (!msg.command) msg.command = word.toUpperCase();
    else msg.params.push(word);
    rest = sp < 0 ? '' : rest.slice(sp + 1).replace(/^ +/, '');
  }
  return msg;
}

/** Formats a command: the last parameter is made trailing when it needs to be. */
export function format(command, params = [], tags = null) {
  let line = '';
  if (tags && Object.keys(tags).length) {
    line = '@' + Object.entries(tags).map(([k, v]) => (v === '' || v == null ? k : `${k}=${escapeTag(v)}`)).join(';') + ' ';
  }
  line += command;
  params.forEach((p, i) => {
    const s = String(p).replace(/[\r\n\0]/g, ' ');
    const last = i === params.length - 1;
    line += ' ' + (last && (s === '' || s.includes(' ') || s.startsWith(':')) ? ':' + s : s);
  });
  return line;
}

export function isRoom(name) {
  return /^[#&]/.test(name || '');
}

/** IRC's rfc1459 case mapping, as the server uses for names. */
export function fold(name) {
  return (name || '').toLowerCase().replace(/[[\]\\~]/g, (c) => ({ '[': '{', ']': '}', '\\': '|', '~': '^' })[c]);
}

/** Splits text so that each PRIVMSG line stays within the server's 512 bytes. */
export function splitText(text, maxBytes = 400) {
  const out = [];
  const enc = new TextEncoder();
  let chunk = '';
  for (const ch of text) {
    if (enc.encode(chunk + ch).length > maxBytes) {
      out.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) out.push(chunk);
  return out;
}

/** CTCP ACTION ("/me") body, or null. */
export function actionText(text) {
  const m = /^\x01ACTION ?(.*?)\x01?$/.exec(text);
  return m ? m[1] : null;
}

/** The highest standing among prefixes such as "@+" (multi-prefix). */
export function parseName(entry) {
  const m = /^([~&@%+]*)(.*)$/.exec(entry);
  return { prefix: m[1].charAt(0) || '', nick: m[2] };
}
