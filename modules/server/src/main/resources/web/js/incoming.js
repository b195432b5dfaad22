// Applies what the server says to the state: joins, parts, names, modes, away, topics, messages
// and typing notifications. One function per kind of message; unknown numerics go to the server buffer.
import { actionText, fold, isRoom, parseName } from './irc.js';
import { SERVER } from './state.js';

const TYPING_ACTIVE_MS = 6000; // IRCv3 +typing: "active" lapses after about 6 s without news
const TYPING_PAUSED_MS = 30000;

export function handleIncoming(state, conn, msg, hooks) {
  const h = HANDLERS[msg.command];
  if (h) {
    h(state, conn, msg, hooks);
  } else if (/^[45]\d\d$/.test(msg.command)) {
    // an error answer: show it where the user is looking
    state.line(state.active, null, { kind: 'error', text: msg.params.slice(1).join(' ') });
  } else if (/^\d\d\d$/.test(msg.command)) {
    state.line(SERVER, 'server', { kind: 'info', text: msg.params.slice(1).join(' ') });
  }
}

function time(msg) {
  return msg.tags.time ? new Date(msg.tags.time) : new Date();
}

function isMe(state, nick) {
  return fold(nick) === fold(state.me);
}

function setMember(buffer, nick, changes) {
  const key = fold(nick);
  const m = buffer.members.get(key) || { nick, prefix: '', away: false };
  buffer.members.set(key, { ...m, ...changes, nick: changes.nick || m.nick });
}

const HANDLERS = {
  '001'(state, conn, msg, hooks) {
    state.me = msg.params[0];
    state.line(SERVER, 'server', { kind: 'info', text: msg.params[1] || 'Welcome' });
    hooks.registered();
  },
  '900'(state, conn, msg) { // logged in (SASL, or REGISTER's new account)
    state.account = msg.params[2] || '';
    state.line(SERVER, 'server', { kind: 'info', text: msg.params[3] || `Logged in as ${state.account}` });
    state.changed('me');
  },
  '901'(state, conn, msg) {
    state.account = '';
    state.line(SERVER, 'server', { kind: 'info', text: msg.params[2] || 'Logged out' });
    state.changed('me');
  },
  REGISTER(state, conn, msg) {
    state.line(SERVER, 'server', { kind: 'info', text: `Account ${msg.params[1]} created` });
  },
  JOIN(state, conn, msg, hooks) {
    const room = msg.params[0];
    const b = state.ensure(room, 'room');
    if (isMe(state, msg.nick)) {
      b.joined = true;
      b.members.clear();
      hooks.joined(b);
    } else {
      setMember(b, msg.nick, { away: false });
    }
    state.line(room, 'room', { kind: 'join', from: msg.nick, text: `${msg.nick} joined`, time: time(msg) });
  },
  PART(state, conn, msg) {
    const room = msg.params[0];
    const b = state.get(room);
    if (!b) return;
    if (isMe(state, msg.nick)) {
      b.joined = false;
      b.members.clear();
      state.line(room, 'room', { kind: 'part', text: 'You left ' + room });
    } else {
      b.members.delete(fold(msg.nick));
      const why = msg.params[1] ? ` (${msg.params[1]})` : '';
      state.line(room, 'room', { kind: 'part', from: msg.nick, text: `${msg.nick} left${why}`, time: time(msg) });
    }
  },
  KICK(state, conn, msg) {
    const [room, victim, reason] = msg.params;
    const b = state.get(room);
    if (!b) return;
    b.members.delete(fold(victim));
    if (isMe(state, victim)) b.joined = false;
    state.line(room, 'room', { kind: 'part', text: `${victim} was kicked by ${msg.nick}${reason ? ': ' + reason : ''}` });
  },
  QUIT(state, conn, msg) {
    for (const b of state.buffers.values()) {
      if (b.members.delete(fold(msg.nick))) {
        state.line(b.name, b.kind, { kind: 'part', from: msg.nick, text: `${msg.nick} quit${msg.params[0] ? ' (' + msg.params[0] + ')' : ''}` });
      }
    }
  },
  NICK(state, conn, msg) {
    const to = msg.params[0];
    const me = isMe(state, msg.nick);
    if (me) state.me = to;
    for (const b of state.buffers.values()) {
      const m = b.members.get(fold(msg.nick));
      if (m) {
        b.members.delete(fold(msg.nick));
        b.members.set(fold(to), { ...m, nick: to });
        state.line(b.name, b.kind, { kind: 'info', text: `${msg.nick} is now known as ${to}` });
      }
    }
    if (me) state.line(SERVER, 'server', { kind: 'info', text: `You are now known as ${to}` });
    state.changed('me');
  },
  '353'(state, conn, msg) {
    const room = msg.params[2];
    const b = state.ensure(room, 'room');
    if (!b.namesInProgress) b.namesInProgress = new Map();
    for (const entry of (msg.params[3] || '').split(' ').filter(Boolean)) {
      const { prefix, nick } = parseName(entry);
      const old = b.member(nick);
      b.namesInProgress.set(fold(nick), { nick, prefix, away: old ? old.away : false });
    }
  },
  '366'(state, conn, msg) {
    const b = state.get(msg.params[1]);
    if (!b || !b.namesInProgress) return;
    b.members = b.namesInProgress;
    b.namesInProgress = null;
    state.changed('members');
    conn.send(`WHO ${b.name}`); // away flags, which NAMES does not carry
  },
  '352'(state, conn, msg) {
    const [, room, , , , nick, flags] = msg.params;
    const b = state.get(room);
    if (b && b.member(nick)) {
      setMember(b, nick, { away: (flags || '').includes('G') });
      state.changed('members');
    }
  },
  '315'() {},
  AWAY(state, conn, msg) {
    const away = msg.params.length > 0 && msg.params[0] !== '';
    for (const b of state.buffers.values()) {
      if (b.member(msg.nick)) setMember(b, msg.nick, { away });
    }
    state.changed('members');
  },
  '305'(state) {
    state.away = false;
    state.line(state.active, null, { kind: 'info', text: 'You are back' });
    state.changed('me');
  },
  '306'(state) {
    state.away = true;
    state.line(state.active, null, { kind: 'info', text: 'You are marked as away' });
    state.changed('me');
  },
  MODE(state, conn, msg) {
    const [target, modes, ...args] = msg.params;
    if (!isRoom(target)) return;
    const b = state.get(target);
    if (!b) return;
    let sign = '+';
    let i = 0;
    for (const c of modes || '') {
      if (c === '+' || c === '-') { sign = c; continue; }
      const takesArg = 'ovbeIh'.includes(c) || c === 'k' || (c === 'l' && sign === '+');
      const arg = takesArg ? args[i++] : null;
      if ((c === 'o' || c === 'v') && arg && b.member(arg)) {
        const m = b.member(arg);
        const mark = c === 'o' ? '@' : '+';
        let prefix = m.prefix;
        if (sign === '+' && (mark === '@' || prefix !== '@')) prefix = mark;
        if (sign === '-' && prefix === mark) prefix = '';
        setMember(b, arg, { prefix });
      }
    }
    state.changed('members');
    state.line(target, 'room', { kind: 'info', text: `${msg.nick} sets mode ${msg.params.slice(1).join(' ')}` });
  },
  TOPIC(state, conn, msg) {
    const b = state.ensure(msg.params[0], 'room');
    b.topic = msg.params[1] || '';
    state.line(b.name, 'room', { kind: 'info', text: `${msg.nick} changed the topic to: ${b.topic}` });
    state.changed('active');
  },
  '332'(state, conn, msg) {
    const b = state.ensure(msg.params[1], 'room');
    b.topic = msg.params[2] || '';
    state.changed('active');
  },
  '331'(state, conn, msg) {
    const b = state.get(msg.params[1]);
    if (b) b.topic = '';
    state.changed('active');
  },
  PRIVMSG(state, conn, msg, hooks) {
    message(state, msg, hooks, false);
  },
  NOTICE(state, conn, msg, hooks) {
    if (!msg.nick || msg.nick.includes('.') || !state.me) { // from the server
      state.line(SERVER, 'server', { kind: 'notice', from: msg.nick, text: msg.params[1] || '' });
      return;
    }
    message(state, msg, hooks, true);
  },
  TAGMSG(state, conn, msg) {
    const typing = msg.tags['+typing'];
    if (!typing || isMe(state, msg.nick)) return;
    const target = msg.params[0];
    const b = state.get(isRoom(target) ? target : msg.nick);
    if (!b) return;
    if (typing === 'done') b.typing.delete(msg.nick);
    else b.typing.set(msg.nick, Date.now() + (typing === 'paused' ? TYPING_PAUSED_MS : TYPING_ACTIVE_MS));
    state.changed('typing');
  },
  ERROR(state, conn, msg) {
    state.line(SERVER, 'server', { kind: 'error', text: msg.params[0] || 'Closed by the server' });
  },
};

/** A PRIVMSG/NOTICE as a line of a buffer: { name, kind, entry }, or null for CTCPs other than ACTION. */
export function messageEntry(state, msg, notice) {
  const [target, raw = ''] = msg.params;
  const toRoom = isRoom(target);
  const self = isMe(state, msg.nick);
  const action = actionText(raw);
  if (action === null && raw.startsWith('\x01')) return null; // other CTCPs are not shown
  const text = action ?? raw;
  return {
    name: toRoom ? target : (self ? target : msg.nick),
    kind: toRoom ? 'room' : 'query',
    entry: {
      kind: action !== null ? 'action' : 'message', notice, from: msg.nick, text, self, time: time(msg),
      mention: !self && (toRoom ? state.mentionsMe(text) : true),
      msgid: msg.tags.msgid, stamp: msg.tags.time, // what CHATHISTORY and MARKREAD refer to
    },
  };
}

function message(state, msg, hooks, notice) {
  const m = messageEntry(state, msg, notice);
  if (!m) return;
  const b = state.get(m.name);
  if (b) b.typing.delete(msg.nick);
  const line = state.line(m.name, m.kind, m.entry);
  if (line && m.entry.mention) hooks.notify(state.get(m.name), line);
}
