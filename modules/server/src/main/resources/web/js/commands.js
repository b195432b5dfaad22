// The console's slash commands, for the browser: what the user typed becomes IRC lines.
// Returns nothing; mistakes are shown as one line in the current buffer.
import { format, isRoom, splitText } from './irc.js';
import { SERVER } from './state.js';

export const HELP = [
  '/join #room — join or create a room', '/part [#room] [reason] — leave a room',
  '/msg nick text — private message', '/query nick — open a conversation', '/me action — describe an action',
  '/nick new — change your nick', '/topic [text] — show or set the topic', '/away [message] — mark yourself away (no message: back)',
  '/close — close this conversation', '/quit [message] — disconnect', '//text — send text starting with /',
  'Keys: Enter sends, Up recalls, Alt+1…9 or Ctrl+K switches rooms',
];

export function runInput(input, ctx) {
  const { state, conn } = ctx;
  const line = input.trim();
  if (!line) return;
  if (line.startsWith('//') || !line.startsWith('/')) {
    say(ctx, state.active, line.startsWith('//') ? line.slice(1) : line);
    return;
  }
  const sp = line.indexOf(' ');
  const cmd = (sp < 0 ? line.slice(1) : line.slice(1, sp)).toLowerCase();
  const rest = sp < 0 ? '' : line.slice(sp + 1).trim();
  const [first, ...others] = rest.split(' ');
  const tail = others.join(' ').trim();
  const mistake = (text) => state.line(state.active, null, { kind: 'error', text });
  switch (cmd) {
    case 'help':
      HELP.forEach((text) => state.line(state.active, null, { kind: 'info', text }));
      break;
    case 'join': {
      if (!first) return mistake('usage: /join #room');
      const room = isRoom(first) ? first : '#' + first;
      ctx.requestJoin(room);
      conn.send(format('JOIN', tail ? [room, tail] : [room]));
      break;
    }
    case 'part':
    case 'leave': {
      const room = isRoom(first) ? first : state.active;
      const reason = isRoom(first) ? tail : rest;
      if (!isRoom(room)) return mistake('usage: /part #room [reason]');
      conn.send(format('PART', reason ? [room, reason] : [room]));
      break;
    }
    case 'msg':
      if (!first || !tail) return mistake('usage: /msg nick text');
      say(ctx, first, tail);
      if (!isRoom(first)) ctx.open(first);
      break;
    case 'query':
      if (!first || isRoom(first)) return mistake('usage: /query nick [text]');
      ctx.open(first);
      if (tail) say(ctx, first, tail);
      break;
    case 'me':
      if (!rest) return mistake('usage: /me action');
      if (state.active === SERVER) return mistake('/me works in a room or a conversation');
      conn.send(format('PRIVMSG', [state.active, `\x01ACTION ${rest}\x01`]));
      if (!conn.caps.has('echo-message')) state.line(state.active, null, { kind: 'action', from: state.me, text: rest, self: true });
      break;
    case 'nick':
      if (!first) return mistake('usage: /nick new');
      conn.wantedNick = first;
      conn.send(format('NICK', [first]));
      break;
    case 'topic': {
      const room = isRoom(first) ? first : state.active;
      const text = isRoom(first) ? tail : rest;
      if (!isRoom(room)) return mistake('usage: /topic [text] in a room');
      conn.send(format('TOPIC', text ? [room, text] : [room]));
      break;
    }
    case 'away':
      conn.send(rest ? format('AWAY', [rest]) : 'AWAY');
      break;
    case 'back':
      conn.send('AWAY');
      break;
    case 'names':
    case 'who':
      conn.send(format('NAMES', [isRoom(first) ? first : state.active]));
      break;
    case 'close':
      if (state.activeBuffer().kind === 'room' && state.activeBuffer().joined) conn.send(format('PART', [state.active]));
      if (state.active !== SERVER) state.remove(state.active);
      break;
    case 'quit':
    case 'exit':
      conn.quit(rest);
      break;
    case 'quote':
    case 'raw':
      if (rest) conn.send(rest);
      break;
    default:
      mistake(`unknown command /${cmd}; /help lists them`);
  }
}

function say(ctx, target, text) {
  const { state, conn } = ctx;
  if (target === SERVER) {
    state.line(SERVER, 'server', { kind: 'error', text: 'This is the server window: /join #room first, or pick a room' });
    return;
  }
  for (const chunk of splitText(text)) {
    if (!conn.send(format('PRIVMSG', [target, chunk]))) {
      state.line(target, null, { kind: 'error', text: 'Not connected: the message was not sent' });
      return;
    }
    // with echo-message the server's copy (msgid, time) is shown instead: no twin when history fills in
    if (!conn.caps.has('echo-message')) state.line(target, null, { kind: 'message', from: state.me, text: chunk, self: true });
  }
  ctx.typingDone(target);
}
