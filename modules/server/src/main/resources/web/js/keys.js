// Keyboard: Enter sends, Shift+Enter explains (one line per message here), Up/Down recall what was
// sent, Alt+1…9 jumps to a room, Ctrl+K opens the quick switcher, Escape closes panels.
const $ = (id) => document.getElementById(id);

export function initKeys(ctx, submit, signal) {
  const input = $('input');
  const history = [];
  let recall = -1;

  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  }, { signal });

  function send() {
    const text = input.value;
    if (!text.trim()) return;
    history.push(text);
    if (history.length > 100) history.shift();
    recall = -1;
    input.value = '';
    submit(text);
  }

  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    } else if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault(); // the server has no multiline messages: say so instead of a silent newline
      ctx.state.line(ctx.state.active, null, { kind: 'info', text: 'One line per message on this server: Enter sends.' });
    } else if (e.key === 'ArrowUp' && !input.value.includes('\n') && (input.selectionStart === 0 || recall >= 0 || !input.value)) {
      if (!history.length) return;
      e.preventDefault();
      recall = recall < 0 ? history.length - 1 : Math.max(0, recall - 1);
      input.value = history[recall];
    } else if (e.key === 'ArrowDown' && recall >= 0) {
      e.preventDefault();
      recall++;
      input.value = recall < history.length ? history[recall] : '';
      if (recall >= history.length) recall = -1;
    }
  }, { signal });

  document.addEventListener('keydown', (e) => {
    if (e.altKey && !e.ctrlKey && /^Digit[1-9]$/.test(e.code)) {
      const names = [...ctx.state.buffers.values()].map((b) => b.name);
      const name = names[Number(e.code.slice(5)) - 1];
      if (name) {
        e.preventDefault();
        ctx.switchTo(name);
      }
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      openSwitcher(ctx);
    } else if (e.key === 'Escape') {
      document.body.classList.remove('show-rooms', 'show-members');
    }
  }, { signal });
}

function openSwitcher(ctx) {
  const dialog = $('switcher');
  const field = $('switcher-input');
  const list = $('switcher-list');
  const render = () => {
    const q = field.value.toLowerCase();
    list.replaceChildren();
    for (const b of ctx.state.buffers.values()) {
      const label = b.kind === 'server' ? 'Server' : b.name;
      if (q && !label.toLowerCase().includes(q)) continue;
      const li = document.createElement('li');
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.textContent = label;
      btn.addEventListener('click', () => { dialog.close(); ctx.switchTo(b.name); });
      li.append(btn);
      list.append(li);
    }
  };
  field.value = '';
  field.oninput = render;
  field.onkeydown = (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const first = list.querySelector('button');
      if (first) first.click();
    }
  };
  render();
  dialog.showModal();
  field.focus();
}
