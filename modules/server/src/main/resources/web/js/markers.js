// Read markers across devices (IRCv3 draft/read-marker): when a buffer is on screen we tell the
// server how far we have read (MARKREAD <target> timestamp=…), and a MARKREAD from the server
// (after a JOIN, or because another device of the same account read on) moves our marker: unread
// counts follow it (state.js). The server keeps one marker per account and target.
import { format } from './irc.js';
import { SERVER } from './state.js';

const SEND_AFTER_MS = 400; // lines arriving while one reads: one MARKREAD for the lot

export class ReadMarkers {
  constructor(state, conn) {
    this.state = state;
    this.conn = conn;
    this.timers = new Map();
    this.refused = false;
  }

  /** Markers belong to an account: a guest sends none. */
  enabled() {
    return this.conn.caps.has('draft/read-marker') && Boolean(this.state.account) && !this.refused;
  }

  /** MARKREAD from the server; true when it was one, or the server refusing ours (not the user's business). */
  receive(msg) {
    if ((msg.command === '421' && msg.params[1] === 'MARKREAD') || (msg.command === 'FAIL' && msg.params[0] === 'MARKREAD')) {
      this.refused = msg.command === '421' || this.refused; // no such command: stop asking
      return true;
    }
    if (msg.command !== 'MARKREAD') return false;
    const [target, value = '*'] = msg.params;
    const b = target && this.state.get(target);
    if (!b || !value.startsWith('timestamp=')) return true; // '*': no marker yet, counts stay as they are
    const ms = Date.parse(value.slice('timestamp='.length));
    if (!Number.isNaN(ms)) this.state.setReadAt(b, ms);
    return true;
  }

  /** Asks the server where the marker of a buffer is (a conversation found without a JOIN). */
  ask(b) {
    if (this.enabled()) this.conn.send(format('MARKREAD', [b.name]));
  }

  /** The buffer is on screen: everything in it is read (soon, if lines keep coming). */
  viewed(b) {
    if (!this.enabled() || b.name === SERVER || !this.state.onScreen(b) || this.timers.has(b.name)) return;
    this.timers.set(b.name, setTimeout(() => {
      this.timers.delete(b.name);
      this.send(b);
    }, SEND_AFTER_MS));
  }

  send(b) {
    const newest = b.newestStamped();
    if (!newest || !this.state.onScreen(b)) return;
    const ms = Date.parse(newest.stamp);
    if (b.readAt != null && ms <= b.readAt) return; // never backwards, never the same twice
    if (this.conn.send(format('MARKREAD', [b.name, `timestamp=${newest.stamp}`]))) this.state.setReadAt(b, ms);
  }
}
