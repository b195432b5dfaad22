// Logging in to an account while the connection registers, before CAP END: SASL PLAIN (IRCv3
// sasl 3.1) to log in, or draft/account-registration's REGISTER to create the account first. The
// account is named after the nick, as the server requires for REGISTER. The password lives in this
// object only: never in the page's address, never logged (it may be remembered in localStorage
// only if the user ticked "Remember me", see main.js).
import { format } from './irc.js';

const CHUNK = 400; // AUTHENTICATE sends base64 in 400-byte pieces; a full last piece is followed by '+'
const SASL_ERRORS = {
  902: 'That nick is reserved for another account: pick another nick',
  904: 'Login failed: wrong nick (account) or password',
  905: 'Login failed: the nick and password are too long',
  906: 'Login was aborted',
  907: 'You are already logged in',
};

function base64(text) {
  let bin = '';
  for (const byte of new TextEncoder().encode(text)) bin += String.fromCharCode(byte);
  return btoa(bin);
}

export class AccountAuth {
  /** mode: 'login' (SASL PLAIN) or 'register' (REGISTER, which logs in too). */
  constructor(mode, account, password) {
    this.mode = mode;
    this.account = account; // the nick asked for; a 433 may rename the connection, not the account
    this.password = password;
    this.busy = false;
  }

  /** The capabilities this needs; a server offering none of them cannot do it. */
  caps() {
    return this.mode === 'register' ? ['draft/account-registration'] : ['sasl'];
  }

  missing(offered) {
    if (this.caps().every((c) => offered.includes(c))) return null;
    return this.mode === 'register' ? 'This server does not let users create accounts (no account registration)'
      : 'This server does not offer logging in to an account (no SASL)';
  }

  /** Capabilities acknowledged: start the exchange; CAP END waits for its end. */
  begin(conn) {
    this.busy = true;
    if (this.mode === 'register') conn.send(format('REGISTER', ['*', '*', this.password]));
    else conn.send('AUTHENTICATE PLAIN');
  }

  /** Handles one line of the exchange; true when it was one. */
  receive(conn, msg) {
    const cmd = msg.command;
    if (cmd === '433' && this.mode === 'register' && !conn.registered) {
      this.busy = false;
      conn.authFailed(`The nick ${msg.params[1] || conn.nick} is in use: pick another to create an account`);
      return true;
    }
    if (!this.busy) return false;
    if (cmd === 'AUTHENTICATE' && msg.params[0] === '+') {
      const payload = base64(`${this.account}\0${this.account}\0${this.password}`);
      for (let i = 0; i < payload.length; i += CHUNK) conn.send('AUTHENTICATE ' + payload.slice(i, i + CHUNK));
      if (payload.length % CHUNK === 0) conn.send('AUTHENTICATE +');
      return true;
    }
    if (cmd === '903' || (cmd === 'REGISTER' && msg.params[0] === 'SUCCESS')) {
      this.busy = false;
      this.mode = 'login'; // the account exists now: a reconnect logs in to it
      conn.capEnd();
      return cmd === '903';
    }
    if (SASL_ERRORS[cmd]) {
      this.busy = false;
      conn.authFailed(SASL_ERRORS[cmd]);
      return true;
    }
    if (cmd === 'FAIL' && msg.params[0] === 'REGISTER') {
      this.busy = false;
      conn.authFailed('Cannot create the account: ' + (msg.params[msg.params.length - 1] || msg.params[1]));
      return true;
    }
    return false;
  }
}
