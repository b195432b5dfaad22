// Two irc-framework clients (a library we did not write) register with the Chatroom daemon, land in
// the default room, exchange messages and quit. Prints one JSON line with what each saw; exits 0
// when the conversation completed, 1 otherwise. Bounded: gives up after 15 seconds.
'use strict';
const IRC = require('irc-framework');

const port = parseInt(process.argv[2], 10);
const seen = { aliceGot: [], bobGot: [], joins: [], errors: [], quits: [], closings: [] };
const timer = setTimeout(() => finish(1), 15000);

function client(nick) {
  const c = new IRC.Client();
  c.connect({ host: '127.0.0.1', port, nick, username: nick, gecos: nick + ' via irc-framework',
    auto_reconnect: false, enable_echomessage: false });
  // The ERROR that answers our own QUIT is expected; any other error numeric is a failure.
  c.on('irc error', (e) => (String(e.reason).startsWith('Closing link')
    ? seen.closings : seen.errors).push(nick + ': ' + JSON.stringify(e)));
  c.on('join', (e) => seen.joins.push(e.nick + ' ' + e.channel));
  c.on('quit', (e) => seen.quits.push(e.nick + ' ' + e.message));
  return c;
}

const alice = client('alice');
let bob;
alice.on('registered', () => {
  bob = client('bob');
  bob.on('message', (e) => {
    seen.bobGot.push(e.nick + ' ' + e.target + ' ' + e.message);
    if (e.message === 'hello from alice') {
      bob.say('#lobby', 'hi alice, bob here');
      bob.action('#lobby', 'waves');
    }
  });
  bob.on('join', (e) => {
    if (e.nick === 'bob' && e.channel === '#lobby') {
      alice.say('#lobby', 'hello from alice');
    }
  });
});
alice.on('message', (e) => {
  seen.aliceGot.push(e.type + ' ' + e.nick + ' ' + e.target + ' ' + e.message);
  if (e.type === 'action' && e.message === 'waves') {
    bob.quit('done here');
  }
});
alice.on('quit', (e) => {
  if (e.nick === 'bob') {
    alice.quit('bye');
    setTimeout(() => finish(0), 200);
  }
});

function finish(code) {
  clearTimeout(timer);
  console.log(JSON.stringify(seen));
  process.exit(code);
}
