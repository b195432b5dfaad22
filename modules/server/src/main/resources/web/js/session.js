// One chat session, from a submitted connect form: wires the connection, state, view and keys. A
// failed login ends it (every DOM listener goes with its AbortSignal) and shows the form again.
import { Connection, socketUrl } from './connection.js';
import { format } from './irc.js';
import { ChatState, SERVER } from './state.js';
import { handleIncoming } from './incoming.js';
import { runInput } from './commands.js';
import { View } from './view.js';
import { notify } from './notify.js';
import { initKeys } from './keys.js';
import { History } from './history.js';
import { ReadMarkers } from './markers.js';

const $ = (id) => document.getElementById(id);
const TYPING_EVERY_MS = 3000;

export function start(nick, auth, rooms) {
  const session = new AbortController(); // ends every listener below if the login fails
  const { signal } = session;
  const state = new ChatState();
  const conn = new Connection(socketUrl(), nick, auth);
  let pendingSwitch = rooms.length ? rooms[0] : null; // the room the user asked for comes to the front
  const lastTyping = new Map();
  const markers = new ReadMarkers(state, conn);
  const history = new History(state, conn, (b) => markers.ask(b));

  const ctx = {
    state,
    conn,
    requestJoin(room) { pendingSwitch = room; },
    open(nickName) { history.opened(state.ensure(nickName, 'query')); ctx.switchTo(nickName); },
    older(buffer) { history.older(buffer); },
    switchTo(name) { state.setActive(name); $('input').focus(); document.body.classList.remove('show-rooms', 'show-members'); },
    openQuery(nickName) { ctx.open(nickName); },
    typingDone(target) {
      if (lastTyping.has(target) && conn.caps.has('message-tags')) conn.send(format('TAGMSG', [target], { '+typing': 'done' }));
      lastTyping.delete(target);
    },
  };
  const view = new View(state, ctx, signal);

  const hooks = {
    registered() {
      // rooms from the invite link or the form, then every room we were in before a reconnect
      const again = new Set([...rooms, ...state.joinedRooms()]);
      for (const b of state.buffers.values()) b.joined = false;
      for (const room of again) conn.send(format('JOIN', [room]));
      for (const b of state.buffers.values()) if (b.kind === 'query') history.resumed(b); // rooms: on JOIN
      history.discover(Boolean(state.account)); // conversations that started while we were away
      rooms = [];
      view.changed('me');
    },
    joined(buffer) {
      history.resumed(buffer); // the gap of a reconnect, or the latest lines of a room new to us
      if (pendingSwitch && buffer.name.toLowerCase() === pendingSwitch.toLowerCase()) {
        pendingSwitch = null;
        ctx.switchTo(buffer.name);
      } else if (state.active === SERVER) {
        ctx.switchTo(buffer.name);
      }
    },
    notify(buffer, line) { notify(buffer, line, () => ctx.switchTo(buffer.name)); },
  };
  conn.addEventListener('message', (e) => {
    const msg = e.detail.msg;
    if (!history.receive(msg) && !markers.receive(msg)) handleIncoming(state, conn, msg, hooks);
  });
  conn.addEventListener('closed', () => history.disconnected());
  // what is on screen is read: MARKREAD (markers.js), for this device and the account's others
  state.addEventListener('viewed', (e) => markers.viewed(e.detail.buffer));
  state.addEventListener('line', (e) => markers.viewed(e.detail.buffer));
  state.addEventListener('history', (e) => markers.viewed(e.detail.buffer));
  conn.addEventListener('authfailed', (e) => { // back to the form, which says what went wrong in one line
    session.abort();
    clearInterval(typingTimer);
    localStorage.removeItem('chatroom.password');
    $('chat').hidden = true;
    $('connect').hidden = false;
    $('connect-error').textContent = e.detail.reason;
    $('password').focus();
  });
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
  }, { signal });
  const typingTimer = setInterval(() => view.renderTyping(), 1000);

  $('mute-toggle').addEventListener('click', () => {
    const b = state.activeBuffer();
    state.setMuted(b.name, !b.muted);
  }, { signal });
  $('members-toggle').addEventListener('click', () => document.body.classList.toggle('show-members'), { signal });
  $('menu-toggle').addEventListener('click', () => document.body.classList.toggle('show-rooms'), { signal });
  $('join-button').addEventListener('click', () => {
    $('input').value = '/join #';
    $('input').focus();
  }, { signal });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') state.setActive(state.active);
  }, { signal });
  initKeys(ctx, (text) => runInput(text, ctx), signal);

  $('connect').hidden = true;
  $('chat').hidden = false;
  view.changed('active');
  conn.start();
  window.chatroom = { state, conn }; // for the curious (and the browser tests' diagnostics)
}
