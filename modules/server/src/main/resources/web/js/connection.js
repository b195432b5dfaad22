// One IRC connection over the daemon's IRCv3 WebSocket (/socket, text.ircv3.net): registration,
// capabilities, logging in (auth.js), keep-alive, and reconnecting with backoff. Talks to the rest
// of the app by events:
//   status {state, retryIn, reason}, message {msg}, registered {nick}, closed {reason}, authfailed {reason}
import { parse, format } from './irc.js';

// Asked for when offered. echo-message: our own lines come back with the server's msgid and time,
// so history fetched later (chathistory) never shows them twice; batch groups a history answer.
const WANTED_CAPS = ['message-tags', 'server-time', 'away-notify', 'multi-prefix', 'cap-notify', 'echo-message',
  'batch', 'draft/chathistory', 'draft/read-marker'];
// First retry within 2 s: a daemon restart or a network blip should cost users a moment, no more.
const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];

export function socketUrl(loc = window.location) {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/socket`;
}

export class Connection extends EventTarget {
  /** auth: an AccountAuth (log in or create an account while registering), or null for a guest. */
  constructor(url, nick, auth = null) {
    super();
    this.auth = auth;
    this.url = url;
    this.wantedNick = nick;
    this.nick = nick;
    this.caps = new Set();
    this.attempt = 0;
    this.registered = false;
    this.stopped = false;
    this.ws = null;
    this.retryTimer = null;
  }

  start() {
    this.stopped = false;
    this.open();
  }

  open() {
    clearTimeout(this.retryTimer);
    this.emit('status', { state: 'connecting' });
    let ws;
    try {
      ws = new WebSocket(this.url, ['text.ircv3.net']);
    } catch (e) {
      this.scheduleRetry(String(e.message || e));
      return;
    }
    this.ws = ws;
    this.registered = false;
    this.caps = new Set();
    this.isupport = new Map();
    this.capEnded = false;
    this.nick = this.wantedNick;
    ws.onopen = () => {
      this.emit('status', { state: 'registering' });
      this.send('CAP LS 302');
      this.send(format('NICK', [this.nick]));
      this.send(format('USER', [this.nick.replace(/[^A-Za-z0-9]/g, '') || 'web', '0', '*', this.nick]));
    };
    ws.onmessage = (ev) => {
      if (typeof ev.data === 'string') this.receive(parse(ev.data));
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      const reason = this.lastError || ev.reason || 'connection lost';
      this.lastError = null;
      this.emit('closed', { reason });
      if (!this.stopped) this.scheduleRetry(reason);
      else this.emit('status', { state: 'disconnected', reason });
    };
  }

  scheduleRetry(reason) {
    const base = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    const delay = Math.round(base * (0.8 + Math.random() * 0.2)); // never later than the step, spread a little
    this.attempt++;
    this.emit('status', { state: 'disconnected', reason, retryIn: delay });
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  /** Retry now (the user pressed "Reconnect"). */
  reconnectNow() {
    if (!this.ws) {
      this.attempt = 0;
      this.open();
    }
  }

  receive(msg) {
    if (this.auth && this.auth.receive(this, msg)) return;
    switch (msg.command) {
      case 'PING':
        this.send(format('PONG', msg.params));
        return;
      case 'CAP':
        this.capability(msg);
        break;
      case '001':
        this.registered = true;
        this.attempt = 0;
        this.nick = msg.params[0];
        this.emit('registered', { nick: this.nick });
        this.emit('status', { state: 'connected' });
        break;
      case '005':
        for (const token of msg.params.slice(1, -1)) {
          const eq = token.indexOf('=');
          this.isupport.set(eq < 0 ? token : token.slice(0, eq), eq < 0 ? '' : token.slice(eq + 1));
        }
        break;
      case '433':
        if (!this.registered) { // nick taken while registering: try another, as every client does
          this.nick = (this.nick + '_').slice(0, 30);
          this.send(format('NICK', [this.nick]));
        }
        break;
      case 'NICK':
        if (msg.nick === this.nick) this.nick = msg.params[0];
        break;
      case 'ERROR':
        this.lastError = msg.params[0] || 'closed by the server';
        break;
      default:
    }
    this.emit('message', { msg });
  }

  capability(msg) {
    const sub = (msg.params[1] || '').toUpperCase();
    const list = (msg.params[msg.params.length - 1] || '').split(' ').filter(Boolean);
    if (sub === 'LS') {
      const offered = list.map((c) => c.split('=')[0]);
      if (msg.params[2] === '*') {
        this.pendingOffered = (this.pendingOffered || []).concat(offered);
        return;
      }
      const all = (this.pendingOffered || []).concat(offered);
      this.pendingOffered = null;
      if (this.registered) return; // cap-notify's NEW after registration: nothing more to ask for now
      const missing = this.auth && this.auth.missing(all);
      if (missing) {
        this.authFailed(missing);
        return;
      }
      const want = [...WANTED_CAPS, ...(this.auth ? this.auth.caps() : [])].filter((c) => all.includes(c));
      if (want.length) this.send(format('CAP', ['REQ', want.join(' ')]));
      else this.capEnd();
    } else if (sub === 'ACK') {
      list.forEach((c) => (c.startsWith('-') ? this.caps.delete(c.slice(1)) : this.caps.add(c)));
      if (this.registered || this.capEnded) return;
      if (this.auth) this.auth.begin(this); // CAP END once logged in (auth.js)
      else this.capEnd();
    } else if (sub === 'NAK') {
      if (this.auth && !this.registered) this.authFailed('The server refused the capabilities needed to log in');
      else this.capEnd();
    }
  }

  /** Ends capability negotiation, once per connection: registration then completes. */
  capEnd() {
    if (this.registered || this.capEnded) return;
    this.capEnded = true;
    this.send('CAP END');
  }

  /** Logging in failed: say why and stay disconnected (retrying would fail the same way). */
  authFailed(reason) {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.lastError = reason;
    this.emit('authfailed', { reason });
    if (this.ws) this.ws.close(1000);
  }

  send(line) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(line);
      return true;
    }
    return false;
  }

  /** Leaves for good: no reconnect. */
  quit(reason) {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (!this.send(format('QUIT', [reason || 'Leaving']))) this.emit('status', { state: 'disconnected', reason: 'you left' });
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
