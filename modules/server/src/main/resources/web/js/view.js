// Renders the state into the page. Each part re-renders on its own change; lines are appended.
import { linkify } from './links.js';
import { SERVER } from './state.js';

const $ = (id) => document.getElementById(id);
const RANK = { '~': 0, '&': 1, '@': 2, '%': 3, '+': 4, '': 5 };
const fmtTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export class View {
  /** signal: ends the listeners on the page when the session ends (a failed login). */
  constructor(state, actions, signal) {
    this.state = state;
    this.actions = actions;
    this.renderedBuffer = null;
    state.addEventListener('change', (e) => this.changed(e.detail.what));
    state.addEventListener('line', (e) => {
      if (e.detail.buffer.name === state.active) this.appendLine(e.detail.line);
    });
    state.addEventListener('history', (e) => {
      if (e.detail.buffer.name === state.active) this.renderLines(true);
    });
    // scrolled to the top: the page before (history.js); also when the lines do not fill the screen
    $('messages').addEventListener('scroll', () => {
      if ($('messages').scrollTop < 60) this.actions.older(this.state.activeBuffer());
    }, { signal });
  }

  changed(what) {
    if (what === 'active') {
      this.renderBuffers();
      this.renderActive();
    } else if (what === 'members') {
      this.renderMembers();
    } else if (what === 'history') {
      this.renderHistoryEdge();
    } else if (what === 'typing') {
      this.renderTyping();
    } else if (what === 'me') {
      $('me').textContent = this.state.me + (this.state.away ? ' (away)' : '');
      $('account').textContent = this.state.account ? `logged in as ${this.state.account}` : 'guest';
      this.renderMembers();
    } else {
      this.renderBuffers();
    }
  }

  renderBuffers() {
    const list = $('buffers');
    list.replaceChildren();
    let n = 0;
    for (const b of this.state.buffers.values()) {
      const li = document.createElement('li');
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'buffer' + (b.name === this.state.active ? ' active' : '') + (b.joined || b.kind !== 'room' ? '' : ' parted');
      btn.dataset.buffer = b.name;
      if (b.name === this.state.active) btn.setAttribute('aria-current', 'page');
      const label = document.createElement('span');
      label.className = 'name';
      label.textContent = b.name === SERVER ? 'Server' : b.name;
      btn.append(label);
      const hint = n < 9 ? ` (Alt+${n + 1})` : '';
      let desc = '';
      if (b.mentions) {
        const m = document.createElement('span');
        m.className = 'badge mention';
        m.textContent = b.mentions;
        btn.append(m);
        desc += `, ${b.mentions} mentioning you`;
      }
      if (b.unread) {
        const u = document.createElement('span');
        u.className = 'badge unread';
        u.textContent = b.unread;
        btn.append(u);
        desc = `, ${b.unread} unread` + desc;
      }
      if (b.muted) {
        const mu = document.createElement('span');
        mu.className = 'muted-mark';
        mu.textContent = '🔕';
        mu.setAttribute('aria-hidden', 'true');
        btn.append(mu);
        desc += ', muted';
      }
      btn.setAttribute('aria-label', (b.name === SERVER ? 'Server messages' : b.name) + desc + hint);
      btn.addEventListener('click', () => this.actions.switchTo(b.name));
      li.append(btn);
      list.append(li);
      n++;
    }
  }

  renderActive() {
    const b = this.state.activeBuffer();
    $('buffer-title').textContent = b.name === SERVER ? 'Server' : b.name;
    $('topic').replaceChildren(linkify(b.topic || ''));
    $('topic').hidden = !b.topic;
    const mute = $('mute-toggle');
    mute.setAttribute('aria-pressed', String(b.muted));
    mute.textContent = b.muted ? 'Unmute' : 'Mute';
    this.renderLines(false);
    this.renderMembers();
    this.renderTyping();
    document.title = (b.name === SERVER ? 'Chatroom' : b.name + ' — Chatroom');
  }

  /**
   * All lines of the active buffer, with the "new" divider before the first unread one. keepPlace:
   * lines came from history, so what the user was looking at stays where it was on screen.
   */
  renderLines(keepPlace) {
    const b = this.state.activeBuffer();
    const list = $('messages');
    const fromBottom = list.scrollHeight - list.scrollTop;
    const atBottom = fromBottom - list.clientHeight < 40;
    list.replaceChildren();
    this.renderHistoryEdge();
    let divided = b.dividerAt == null;
    for (const line of b.lines) {
      if (!divided && !line.self && line.time.getTime() > b.dividerAt && (line.kind === 'message' || line.kind === 'action')) {
        divided = true;
        const li = document.createElement('li');
        li.className = 'new-divider';
        li.setAttribute('role', 'separator');
        li.textContent = 'New';
        list.append(li);
      }
      this.appendLine(line, false);
    }
    list.scrollTop = keepPlace && !atBottom ? list.scrollHeight - fromBottom : list.scrollHeight;
    if (list.scrollHeight <= list.clientHeight + 60) this.actions.older(b); // nothing to scroll yet
  }

  /** The top of the lines: loading earlier ones, or the beginning of the history. */
  renderHistoryEdge() {
    const b = this.state.activeBuffer();
    const list = $('messages');
    const edge = list.firstElementChild && list.firstElementChild.classList.contains('history-edge')
      ? list.firstElementChild : null;
    const text = b.loadingHistory ? 'Loading earlier messages…' : b.historyStart ? 'Beginning of history' : '';
    if (!text) {
      if (edge) edge.remove();
      return;
    }
    const li = edge || document.createElement('li');
    li.className = 'history-edge' + (b.historyStart && !b.loadingHistory ? ' history-start' : '');
    li.textContent = text;
    if (!edge) list.prepend(li);
  }

  appendLine(line, scroll = true) {
    const list = $('messages');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const li = document.createElement('li');
    li.className = `line ${line.kind}` + (line.self ? ' self' : '') + (line.mention ? ' mention' : '') + (line.notice ? ' notice' : '');
    const t = document.createElement('time');
    t.dateTime = line.time.toISOString();
    t.textContent = fmtTime.format(line.time);
    li.append(t, ' ');
    if (line.kind === 'message') {
      const from = document.createElement('span');
      from.className = 'from';
      from.textContent = line.notice ? `-${line.from}-` : line.from;
      li.append(from, ' ');
    } else if (line.kind === 'action') {
      const from = document.createElement('span');
      from.className = 'from';
      from.textContent = '* ' + line.from;
      li.append(from, ' ');
    }
    const text = document.createElement('span');
    text.className = 'text';
    text.append(linkify(line.text || ''));
    li.append(text);
    list.append(li);
    while (list.childElementCount > 3100) list.firstElementChild.remove(); // as many as a buffer holds
    if (scroll && (atBottom || line.self)) list.scrollTop = list.scrollHeight;
  }

  renderMembers() {
    const b = this.state.activeBuffer();
    const panel = $('members-panel');
    panel.hidden = b.kind !== 'room';
    const list = $('members');
    list.replaceChildren();
    const members = [...b.members.values()].sort((x, y) => (RANK[x.prefix] - RANK[y.prefix]) || x.nick.localeCompare(y.nick));
    for (const m of members) {
      const li = document.createElement('li');
      li.dataset.nick = m.nick;
      li.className = 'member' + (m.away ? ' away' : '');
      const btn = document.createElement('button');
      btn.type = 'button';
      const role = m.prefix === '@' ? 'operator' : m.prefix === '+' ? 'voice' : '';
      btn.setAttribute('aria-label', `${m.nick}${role ? ', ' + role : ''}${m.away ? ', away' : ''}: open a conversation`);
      const prefix = document.createElement('span');
      prefix.className = 'prefix';
      prefix.textContent = m.prefix;
      prefix.setAttribute('aria-hidden', 'true');
      const nick = document.createElement('span');
      nick.className = 'nick';
      nick.textContent = m.nick;
      btn.append(prefix, nick);
      if (m.away) {
        const a = document.createElement('span');
        a.className = 'away-mark';
        a.textContent = 'away';
        a.setAttribute('aria-hidden', 'true');
        btn.append(a);
      }
      btn.addEventListener('click', () => this.actions.openQuery(m.nick));
      li.append(btn);
      list.append(li);
    }
    $('member-count').textContent = b.kind === 'room' ? `(${members.length})` : '';
  }

  renderTyping() {
    const b = this.state.activeBuffer();
    const now = Date.now();
    for (const [nick, until] of b.typing) if (until < now) b.typing.delete(nick);
    const who = [...b.typing.keys()];
    $('typing').textContent = who.length === 0 ? '' : who.length === 1 ? `${who[0]} is typing…`
      : who.length <= 3 ? `${who.join(', ')} are typing…` : 'Several people are typing…';
  }

  status(text, kind, retry) {
    const bar = $('status-bar');
    bar.replaceChildren();
    bar.className = kind || '';
    bar.hidden = !text;
    if (!text) return;
    bar.append(text);
    if (retry) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = 'Reconnect now';
      b.addEventListener('click', retry);
      bar.append(' ', b);
    }
  }
}
