// Scroll-back and gap filling through IRCv3 draft/chathistory: LATEST when a room or conversation
// is opened, BEFORE the oldest line shown when the user scrolls to the top, AFTER the last line seen
// before a reconnect. Answers come in a `chathistory` batch; their lines are merged by time and
// deduplicated by msgid (state.js), so asking twice never shows a message twice.
import { format, fold, isRoom } from './irc.js';
import { messageEntry } from './incoming.js';

const PAGE = 50; // lines per request, fewer if the server's CHATHISTORY=n says so
const GAP_PAGES = 20; // a reconnect fills at most this many pages; older ones come by scrolling
const DISCOVER_DAYS = 7; // a new device lists the conversations of the last week

export class History {
  /** onFound(buffer): a conversation found by TARGETS (markers.js asks for its read marker). */
  constructor(state, conn, onFound = () => {}) {
    this.state = state;
    this.conn = conn;
    this.onFound = onFound;
    this.batches = new Map(); // batch ref -> { target, messages }
    this.pending = new Map(); // folded target -> { sub, limit, pages, unseenAfter }
    this.lostAt = null; // ms when the connection was lost, for TARGETS after a reconnect
  }

  enabled() {
    return this.conn.caps.has('draft/chathistory') && this.conn.caps.has('batch');
  }

  limit() {
    const max = Number(this.conn.isupport.get('CHATHISTORY'));
    return max > 0 ? Math.min(max, PAGE) : PAGE;
  }

  /** A room just joined or a conversation opened: its latest lines, once per buffer. */
  opened(b) {
    if (!this.enabled() || b.kind === 'server' || b.historyAsked) return;
    b.historyAsked = true;
    this.request(b, 'LATEST', '*');
  }

  /** The user scrolled to the top: the page before the oldest line shown. */
  older(b) {
    if (!this.enabled() || b.kind === 'server' || b.historyStart || this.pending.has(fold(b.name))) return;
    const oldest = b.oldestStamped();
    if (!oldest) {
      if (!b.historyAsked) this.opened(b);
      return;
    }
    this.request(b, 'BEFORE', this.ref(oldest));
  }

  /**
   * Registered: which private conversations had messages while we were away (after a reconnect), or
   * lately (a new device of an account); those without a buffer get one and their latest lines.
   */
  discover(loggedIn) {
    if (!this.enabled() || (this.lostAt == null && !loggedIn)) return;
    const since = this.lostAt ?? Date.now() - DISCOVER_DAYS * 86400000;
    this.discoverSince = this.lostAt; // only what came after a disconnect is unread without a marker
    this.lostAt = null;
    const stamp = (ms) => `timestamp=${new Date(ms).toISOString()}`;
    this.conn.send(format('CHATHISTORY', ['TARGETS', stamp(since), stamp(Date.now() + 60000), String(this.limit())]));
  }

  /** The connection is lost: remember per buffer the last line seen, to ask what came after it. */
  disconnected() {
    if (this.lostAt == null) this.lostAt = Date.now();
    this.pending.clear();
    this.batches.clear();
    for (const b of this.state.buffers.values()) {
      b.loadingHistory = false;
      if (!b.gapFrom) b.gapFrom = b.newestStamped();
    }
  }

  /** Back (rejoined, or a conversation after a reconnect): what was said meanwhile. */
  resumed(b) {
    if (!this.enabled() || b.kind === 'server') return;
    const from = b.gapFrom;
    b.gapFrom = null;
    if (!from) { // nothing seen yet (or a room joined again): the latest lines, deduplicated
      b.historyAsked = false;
      this.opened(b);
      return;
    }
    b.historyAsked = true;
    this.request(b, 'AFTER', this.ref(from), 1, 0);
  }

  ref(line) {
    const types = this.conn.isupport.get('MSGREFTYPES');
    const byId = line.msgid && (types == null || types.split(',').includes('msgid'));
    return byId ? `msgid=${line.msgid}` : `timestamp=${line.stamp}`;
  }

  request(b, sub, ref, pages = 0, unseenAfter = null) {
    const limit = this.limit();
    this.pending.set(fold(b.name), { sub, limit, pages, unseenAfter });
    b.loadingHistory = true;
    this.state.changed('history');
    this.conn.send(format('CHATHISTORY', [sub, b.name, ref, String(limit)]));
  }

  /** Takes the lines of a history answer; true when the line was one (then nothing else handles it). */
  receive(msg) {
    if (msg.command === 'BATCH') {
      const ref = msg.params[0] || '';
      if (ref.startsWith('+') && (msg.params[1] === 'chathistory' || msg.params[1] === 'draft/chathistory-targets')) {
        this.batches.set(ref.slice(1), { target: msg.params[2], messages: [] });
        return true;
      }
      const open = this.batches.get(ref.slice(1));
      if (ref.startsWith('-') && open) {
        this.batches.delete(ref.slice(1));
        if (open.target) this.finish(open);
        else this.found(open.messages);
        return true;
      }
      return false;
    }
    const batch = msg.tags.batch && this.batches.get(msg.tags.batch);
    if (batch) {
      batch.messages.push(msg);
      return true;
    }
    if (msg.command === '421' && msg.params[1] === 'CHATHISTORY') { // no history here after all
      for (const b of this.state.buffers.values()) this.failed(b.name);
    }
    if (msg.command === 'FAIL' && msg.params[0] === 'CHATHISTORY') {
      // FAIL CHATHISTORY <code> <subcommand> [<target>] :text — the request is over either way
      msg.params.slice(2, -1).forEach((p) => this.failed(p));
    }
    return false;
  }

  failed(target) {
    const b = target && this.state.get(target);
    if (b && this.pending.delete(fold(b.name))) {
      b.loadingHistory = false;
      this.state.changed('history');
    }
  }

  /** A TARGETS answer: CHATHISTORY TARGETS <name> <time> lines. Rooms come by JOIN instead. */
  found(lines) {
    for (const m of lines) {
      const name = m.command === 'CHATHISTORY' && m.params[0] === 'TARGETS' ? m.params[1] : null;
      if (!name || isRoom(name) || this.state.get(name)) continue;
      const b = this.state.ensure(name, 'query');
      b.historyAsked = true;
      this.request(b, 'LATEST', '*', 0, this.discoverSince);
      this.onFound(b);
    }
  }

  /**
   * A chathistory batch. Usually the answer to our request for its target; a batch we did not ask
   * for (messages to our account while it was offline, played at login under our own nick) is new to
   * the user. Each line goes to the buffer it belongs to (a private line to the other party's).
   */
  finish({ target, messages }) {
    const key = fold(target);
    const asked = this.pending.get(key);
    this.pending.delete(key);
    const byBuffer = new Map();
    for (const m of messages) {
      if (m.command !== 'PRIVMSG' && m.command !== 'NOTICE') continue;
      const e = messageEntry(this.state, m, m.command === 'NOTICE');
      if (!e) continue;
      const b = this.state.ensure(e.name, e.kind);
      if (!byBuffer.has(b)) byBuffer.set(b, []);
      byBuffer.get(b).push(e.entry);
    }
    const b = this.state.get(target);
    if (asked && b) {
      b.loadingHistory = false;
      if (!byBuffer.has(b)) byBuffer.set(b, []); // an empty answer still ends the loading
      if (asked.sub !== 'AFTER' && messages.length < asked.limit) b.historyStart = true; // nothing older
    }
    for (const [buffer, entries] of byBuffer) this.state.history(buffer, entries, asked ? asked.unseenAfter : 0);
    const entries = (b && byBuffer.get(b)) || [];
    if (asked && b && asked.sub === 'AFTER' && messages.length >= asked.limit && asked.pages < GAP_PAGES) {
      const last = entries.filter((e) => e.stamp).pop(); // not the buffer's newest: live lines may be past the gap
      if (last) this.request(b, 'AFTER', this.ref(last), asked.pages + 1, 0); // more of the gap to come
    }
  }
}
