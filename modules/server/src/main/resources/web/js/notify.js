// Desktop notifications for mentions and private messages, unless the room is muted or the user
// is looking at it. Permission is asked on a user gesture (connecting), as browsers require.
export function askPermission() {
  if ('Notification' in window && Notification.permission === 'default') {
    Notification.requestPermission().catch(() => {});
  }
}

export function notify(buffer, line, onClick) {
  if (buffer.muted || !('Notification' in window) || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  const title = buffer.kind === 'query' ? line.from : `${line.from} in ${buffer.name}`;
  const n = new Notification(title, { body: line.text, tag: buffer.name });
  n.onclick = () => {
    window.focus();
    onClick();
    n.close();
  };
}
