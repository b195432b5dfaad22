// Dark mode: follows the system unless the user picked light or dark, which is remembered.
const KEY = 'chatroom.theme';
const ORDER = ['system', 'dark', 'light'];

export function initTheme(button) {
  const apply = () => {
    const choice = localStorage.getItem(KEY) || 'system';
    if (choice === 'system') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.dataset.theme = choice;
    button.textContent = { system: 'Theme: system', dark: 'Theme: dark', light: 'Theme: light' }[choice];
    button.setAttribute('aria-label', `Colour theme: ${choice}; press to change`);
  };
  button.addEventListener('click', () => {
    const now = localStorage.getItem(KEY) || 'system';
    localStorage.setItem(KEY, ORDER[(ORDER.indexOf(now) + 1) % ORDER.length]);
    apply();
  });
  apply();
}
