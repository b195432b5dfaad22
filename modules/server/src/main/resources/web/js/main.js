// Entry point: the connect form (and invite links), then wires connection, state, view and keys.
//   /?nick=alice&join=%23dev           fills the form; #dev is joined once connected
//   /?nick=alice&join=%23dev&connect   connects at once
import { Connection, socketUrl } from './connection.js';
import { format, isRoom } from './irc.js';
import { ChatState, SERVER } from './state.js';
import { handleIncoming } from './incoming.js';
import { runInput } from './commands.js';
import { View } from './view.js';
import { askPermission, notify } from './notify.js';
import { initTheme } from './theme.js';
import { initKeys } from './keys.js';

const $ = (id) => document.getElementById(id);
const TYPING_EVERY_MS = 3000;

const params = new URLSearchParams(location.search);
const form = $('connect-form');
$('nick').value = params.get('nick') || localStorage.getItem('chatroom.nick') || '';
$('rooms').value = params.get('join') || '';
initTheme($('theme-toggle'));

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const nick = $('nick').value.trim();
  if (!/^[A-Za-z[\]\\`_^{|}][A-Za-z0-9[\]\\`_^{|}-]{0,29}$/.test(nick)) {
    $('connect-error').textContent = 'A nick is 1 to 30 letters, digits or []\\`_^{|}-, and does not start with a digit or -.';
    $('nick').focus();
    return;
  }
  localStorage.setItem('chatroom.nick', nick);
  askPermission();
  start(nick, $('rooms').value.split(/[ ,]+/).filter(Boolean).map((r) => (isRoom(r) ? r : '#' + r)));
});

if (params.has('connect') && $('nick').value) form.requestSubmit();

function start(nick, rooms) {
  const state = new ChatState();
  const conn = new Connection(socketUrl(), nick);
  let pendingSwitch = rooms.length ? rooms[0] : null; // the room the user asked for comes to the front
  const lastTyping = new Map();

  const ctx = {
    state,
    conn,
    requestJoin(room) { pendingSwitch = room; },
    open(nickName) { state.ensure(nickName, 'query'); ctx.switchTo(nickName); },
    switchTo(name) { state.setActive(name); $('input').focus(); document.body.classList.remove('show-rooms', 'show-members'); },
    openQuery(nickName) { ctx.open(nickName); },
    typingDone(target) {
      if (lastTyping.has(target) && conn.caps.has('message-tags')) conn.send(format('TAGMSG', [target], { '+typing': 'done' }));
      lastTyping.delete(target);
    },
  };
  const view = new View(state, ctx);

  conn.addEventListener('message', (e) => handleIncoming(state, conn, e.detail.msg, {
    registered() {
      // rooms from the invite link or the form, then every room we were in before a reconnect
      const again = new Set([...rooms, ...state.joinedRooms()]);
      for (const b of state.buffers.values()) b.joined = false;
      for (const room of again) conn.send(format('JOIN', [room]));
      rooms = [];
      view.changed('me');
    },
    joined(buffer) {
      if (pendingSwitch && buffer.name.toLowerCase() === pendingSwitch.toLowerCase()) {
        pendingSwitch = null;
        ctx.switchTo(buffer.name);
      } else if (state.active === SERVER) {
        ctx.switchTo(buffer.name);
      }
    },
    notify(buffer, line) { notify(buffer, line, () => ctx.switchTo(buffer.name)); },
  }));
  conn.addEventListener('status', (e) => {
    const { state: s, retryIn, reason } = e.detail;
    document.body.dataset.connection = s;
    if (s === 'connected') view.status('');
    else if (s === 'connecting' || s === 'registering') view.status('Connecting…', 'busy');
    else if (retryIn != null) view.status(`Disconnected (${reason}). Retrying in ${Math.ceil(retryIn / 1000)} s…`, 'error', () => conn.reconnectNow());
    else view.status(`Disconnected: ${reason}`, 'error');
  });

  // typing notifications (IRCv3 +typing), only when the server relays client tags
  $('input').addEventListener('input', () => {
    const target = state.active;
    if (target === SERVER || !conn.caps.has('message-tags')) return;
    const text = $('input').value;
    if (!text || text.startsWith('/')) { ctx.typingDone(target); return; }
    const now = Date.now();
    if ((lastTyping.get(target) || 0) + TYPING_EVERY_MS < now) {
      lastTyping.set(target, now);
      conn.send(format('TAGMSG', [target], { '+typing': 'active' }));
    }
  });
  setInterval(() => view.renderTyping(), 1000);

  $('mute-toggle').addEventListener('click', () => {
    const b = state.activeBuffer();
    state.setMuted(b.name, !b.muted);
  });
  $('members-toggle').addEventListener('click', () => document.body.classList.toggle('show-members'));
  $('menu-toggle').addEventListener('click', () => document.body.classList.toggle('show-rooms'));
  $('join-button').addEventListener('click', () => {
    $('input').value = '/join #';
    $('input').focus();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') state.setActive(state.active);
  });
  initKeys(ctx, (text) => runInput(text, ctx));

  $('connect').hidden = true;
  $('chat').hidden = false;
  view.changed('active');
  conn.start();
  window.chatroom = { state, conn }; // for the curious (and the browser tests' diagnostics)
}
