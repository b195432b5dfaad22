// Entry point: the connect form (and invite links); session.js takes over once it is submitted.
//   /?nick=alice&join=%23dev           fills the form; #dev is joined once connected
//   /?nick=alice&join=%23dev&connect   connects at once
// The password is never read from nor put in the address. It is kept in localStorage
// ('chatroom.password', next to 'chatroom.nick') only when "Remember me on this device" is ticked,
// and removed from there as soon as a connect happens with the box unticked or the login fails.
import { AccountAuth } from './auth.js';
import { isRoom } from './irc.js';
import { askPermission } from './notify.js';
import { initTheme } from './theme.js';
import { start } from './session.js';

const $ = (id) => document.getElementById(id);

const params = new URLSearchParams(location.search);
const form = $('connect-form');
$('nick').value = params.get('nick') || localStorage.getItem('chatroom.nick') || '';
$('rooms').value = params.get('join') || '';
$('password').value = localStorage.getItem('chatroom.password') || '';
$('remember').checked = Boolean($('password').value);
initTheme($('theme-toggle'));
const MIN_PASSWORD = 8; // the server's rule for new accounts, checked here to save a round trip

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const nick = $('nick').value.trim();
  const password = $('password').value;
  const creating = e.submitter && e.submitter.id === 'register-button';
  const problem = !/^[A-Za-z[\]\\`_^{|}][A-Za-z0-9[\]\\`_^{|}-]{0,29}$/.test(nick)
    ? ['nick', 'A nick is 1 to 30 letters, digits or []\\`_^{|}-, and does not start with a digit or -.']
    : creating && password.length < MIN_PASSWORD
      ? ['password', `To create an account, choose a password of at least ${MIN_PASSWORD} characters.`] : null;
  if (problem) {
    $('connect-error').textContent = problem[1];
    $(problem[0]).focus();
    return;
  }
  $('connect-error').textContent = '';
  localStorage.setItem('chatroom.nick', nick);
  if ($('remember').checked && password) localStorage.setItem('chatroom.password', password);
  else localStorage.removeItem('chatroom.password');
  askPermission();
  const auth = password ? new AccountAuth(creating ? 'register' : 'login', nick, password) : null;
  start(nick, auth, $('rooms').value.split(/[ ,]+/).filter(Boolean).map((r) => (isRoom(r) ? r : '#' + r)));
});

if (params.has('connect') && $('nick').value) form.requestSubmit();
