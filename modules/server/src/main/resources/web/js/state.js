// What the user sees, without the DOM: buffers (the server, rooms, private conversations), their
// lines, members, unread and mention counts, topics and who is typing. The view renders it.
import { fold, isRoom } from './irc.js';

// Per buffer; older lines are dropped as new ones come (scroll-back brings them back from CHATHISTORY).
const MAX_LINES = 3000;
export const SERVER = '*server*';

export class Buffer {
  constructor(name, kind) {
    this.name = name;
    this.kind = kind; // 'server' | 'room' | 'query'
    this.lines = [];
    this.members = new Map(); // folded nick -> { nick, prefix, away }
    this.namesInProgress = null;
    this.topic = '';
    this.unread = 0;
    this.mentions = 0;
    this.joined = false;
    this.typing = new Map(); // nick -> expiry (ms)
    this.muted = false;
    this.ids = new Set(); // msgids of the lines held: a message comes once, live or from history
    this.historyAsked = false; // CHATHISTORY LATEST sent once per buffer (history.js)
    this.historyStart = false; // the server has nothing older
    this.loadingHistory = false;
    this.readAt = null; // ms of the read marker (MARKREAD), null while unknown
    this.dividerAt = null; // where the "new" divider goes while the buffer is on screen
    this.gapFrom = null; // the last line seen before the connection was lost
  }

  /** Appends a line unless its msgid is already here; false then. */
  add(line) {
    if (line.msgid && this.ids.has(line.msgid)) return false;
    if (line.msgid) this.ids.add(line.msgid);
    this.lines.push(line);
    if (this.lines.length > MAX_LINES) {
      for (const old of this.lines.splice(0, this.lines.length - MAX_LINES)) this.ids.delete(old.msgid);
      this.historyStart = false; // what was dropped can be fetched again
    }
    return true;
  }

  /** Lines from history, in time order with what is here, without the ones already here. */
  merge(lines) {
    const fresh = lines.filter((l) => !(l.msgid && this.ids.has(l.msgid)));
    for (const l of fresh) if (l.msgid) this.ids.add(l.msgid);
    this.lines.push(...fresh);
    this.lines.sort((a, b) => a.time - b.time); // stable: lines of the same time keep their order
    return fresh;
  }

  /** Messages from others after the read marker (or all of them while it is unknown). */
  unreadLines() {
    return this.lines.filter((l) => !l.self && (l.kind === 'message' || l.kind === 'action')
      && (this.readAt == null || l.time.getTime() > this.readAt));
  }

  /** The newest line the server stamped (msgid and time): where a read marker or a gap starts. */
  newestStamped() {
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i].stamp) return this.lines[i];
    return null;
  }

  oldestStamped() {
    return this.lines.find((l) => l.stamp) || null;
  }

  member(nick) {
    return this.members.get(fold(nick));
  }
}

/** Where "new" starts: after the read marker, or before the lines counted unread when there is none. */
function dividerFor(b) {
  if (b.readAt != null) return b.readAt;
  const others = b.lines.filter((l) => !l.self && (l.kind === 'message' || l.kind === 'action'));
  const first = others[others.length - b.unread];
  return first ? first.time.getTime() - 1 : null;
}

export class ChatState extends EventTarget {
  constructor() {
    super();
    this.buffers = new Map();
    this.me = '';
    this.active = SERVER;
    this.ensure(SERVER, 'server');
    this.seq = 0;
    this.mutedNames = new Set(JSON.parse(localStorage.getItem('chatroom.muted') || '[]'));
  }

  ensure(name, kind) {
    const key = name === SERVER ? SERVER : fold(name);
    let b = this.buffers.get(key);
    if (!b) {
      b = new Buffer(name, kind || (isRoom(name) ? 'room' : 'query'));
      b.muted = this.mutedNames?.has(key) || false;
      this.buffers.set(key, b);
      this.changed('buffers');
    }
    return b;
  }

  get(name) {
    return this.buffers.get(name === SERVER ? SERVER : fold(name));
  }

  remove(name) {
    const key = fold(name);
    if (this.buffers.delete(key) && fold(this.active) === key) this.active = SERVER;
    this.changed('buffers');
  }

  activeBuffer() {
    return this.get(this.active) || this.get(SERVER);
  }

  setActive(name) {
    const b = this.get(name);
    if (!b) return;
    if (this.active !== b.name) b.dividerAt = b.unread ? dividerFor(b) : null;
    this.active = b.name;
    b.unread = 0;
    b.mentions = 0;
    this.changed('active');
    this.dispatchEvent(new CustomEvent('viewed', { detail: { buffer: b } }));
  }

  /** Whether the user sees this buffer now. */
  onScreen(b) {
    return this.active === b.name && document.visibilityState === 'visible';
  }

  /**
   * Adds a line: { kind, from, text, time, self, mention, msgid, stamp }; counts it unless it is on
   * screen. Null when the line (its msgid) is already there.
   */
  line(name, kind, entry) {
    const b = this.ensure(name, kind);
    const line = { id: ++this.seq, time: new Date(), ...entry };
    if (!b.add(line)) return null;
    if (!this.onScreen(b) && !line.self && (line.kind === 'message' || line.kind === 'action')) {
      b.unread++;
      if (line.mention || b.kind === 'query') b.mentions++;
    }
    this.dispatchEvent(new CustomEvent('line', { detail: { buffer: b, line } }));
    this.changed('buffers');
    return line;
  }

  /**
   * History lines into a buffer (history.js). unseenAfter (ms, or null): lines after it are new to
   * the user (a reconnect's gap), so they count as unread when there is no read marker to tell.
   */
  history(b, entries, unseenAfter) {
    const fresh = b.merge(entries.map((e) => ({ id: ++this.seq, ...e })));
    if (b.readAt != null) this.recount(b);
    else if (unseenAfter != null && !this.onScreen(b)) {
      const news = fresh.filter((l) => !l.self && (l.kind === 'message' || l.kind === 'action')
        && l.time.getTime() > unseenAfter);
      b.unread += news.length;
      b.mentions += news.filter((l) => l.mention || b.kind === 'query').length;
    }
    this.dispatchEvent(new CustomEvent('history', { detail: { buffer: b, added: fresh.length } }));
    this.changed('buffers');
  }

  /** The read marker moved (MARKREAD from the server or from us): counts follow it. */
  setReadAt(b, ms) {
    if (b.readAt != null && ms <= b.readAt) return false;
    b.readAt = ms;
    this.recount(b);
    this.changed('buffers');
    return true;
  }

  recount(b) {
    if (this.onScreen(b)) {
      b.unread = 0;
      b.mentions = 0;
      return;
    }
    const unread = b.unreadLines();
    b.unread = unread.length;
    b.mentions = unread.filter((l) => l.mention || b.kind === 'query').length;
  }

  setMuted(name, muted) {
    const b = this.get(name);
    if (!b) return;
    b.muted = muted;
    const key = name === SERVER ? SERVER : fold(name);
    if (muted) this.mutedNames.add(key); else this.mutedNames.delete(key);
    localStorage.setItem('chatroom.muted', JSON.stringify([...this.mutedNames]));
    this.changed('active');
  }

  /** Rooms to join again after a reconnect. */
  joinedRooms() {
    return [...this.buffers.values()].filter((b) => b.kind === 'room' && b.joined).map((b) => b.name);
  }

  mentionsMe(text) {
    if (!this.me) return false;
    const esc = this.me.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\w])${esc}($|[^\\w])`, 'i').test(text);
  }

  changed(what) {
    this.dispatchEvent(new CustomEvent('change', { detail: { what } }));
  }
}
