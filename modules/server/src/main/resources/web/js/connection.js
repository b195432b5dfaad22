// One IRC connection over the daemon's IRCv3 WebSocket (/socket, text.ircv3.net): registration,
// capabilities, keep-alive, and reconnecting with backoff. Talks to the rest of the app by events:
//   status {state, retryIn, reason}, message {msg}, registered {nick}, closed {reason}
import { parse, format } from './irc.js';

// With accounts and history (issue 15), 'sasl' and 'draft/chathistory' join this list; SASL's
// AUTHENTICATE exchange then runs in capability() on ACK, before CAP END.
const WANTED_CAPS = ['message-tags', 'server-time', 'away-notify', 'multi-prefix', 'cap-notify'];
// First retry within 2 s: a daemon restart or a network blip should cost users a moment, no more.
const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];

export function socketUrl(loc = window.location) {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/socket`;
}

export class Connection extends EventTarget {
  constructor(url, nick) {
    super();
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
      const want = WANTED_CAPS.filter((c) => offered.includes(c));
      if (msg.params[2] === '*') {
        this.pendingOffered = (this.pendingOffered || []).concat(want);
        return;
      }
      const all = (this.pendingOffered || []).concat(want);
      this.pendingOffered = null;
      if (all.length) this.send(format('CAP', ['REQ', all.join(' ')]));
      else this.send('CAP END');
    } else if (sub === 'ACK') {
      list.forEach((c) => (c.startsWith('-') ? this.caps.delete(c.slice(1)) : this.caps.add(c)));
      if (!this.registered) this.send('CAP END');
    } else if (sub === 'NAK') {
      if (!this.registered) this.send('CAP END');
    }
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
