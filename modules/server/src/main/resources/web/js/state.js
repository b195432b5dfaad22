// What the user sees, without the DOM: buffers (the server, rooms, private conversations), their
// lines, members, unread and mention counts, topics and who is typing. The view renders it.
import { fold, isRoom } from './irc.js';

const MAX_LINES = 1000; // per buffer; older lines are dropped (scroll-back comes from CHATHISTORY later)
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
  }

  add(line) {
    this.lines.push(line);
    if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
  }

  // Scroll-back will prepend here: CHATHISTORY BEFORE on scrolling to the top, and CHATHISTORY
  // AFTER the last line's msgid to fill the gap of a reconnect (issue 15).
  prepend(lines) {
    this.lines.unshift(...lines);
  }

  member(nick) {
    return this.members.get(fold(nick));
  }
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
    this.active = b.name;
    b.unread = 0;
    b.mentions = 0;
    this.changed('active');
  }

  /** Adds a line: { kind, from, text, time, self, mention }; counts it unless it is on screen. */
  line(name, kind, entry) {
    const b = this.ensure(name, kind);
    const line = { id: ++this.seq, time: new Date(), ...entry };
    b.add(line);
    const visible = this.active === b.name && document.visibilityState === 'visible';
    if (!visible && !line.self && (line.kind === 'message' || line.kind === 'action')) {
      b.unread++;
      if (line.mention || b.kind === 'query') b.mentions++;
    }
    this.dispatchEvent(new CustomEvent('line', { detail: { buffer: b, line } }));
    this.changed('buffers');
    return line;
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
