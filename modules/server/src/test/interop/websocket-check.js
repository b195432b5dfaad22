// Two WebSocket clients we did not write talk through the daemon's /socket: irc-framework with its
// WebSocket transport (text.ircv3.net) and a bare `ws` socket (binary.ircv3.net), which registers
// by hand. Prints one JSON line with what each saw; exits 0 when the conversation completed.
'use strict';
const WebSocket = require('ws');
global.WebSocket = WebSocket; // irc-framework's transport expects the browser's global
const IRC = require('irc-framework');
const WsTransport = require('irc-framework/src/transports/websocket');

const port = parseInt(process.argv[2], 10);
const seen = { carolGot: [], daveGot: [], daveProtocol: null, daveFrames: [], errors: [], closings: [] };
const timer = setTimeout(() => finish(1), 15000);

const carol = new IRC.Client();
carol.connect({ host: '127.0.0.1', port, path: '/socket', transport: WsTransport,
  websocket_protocol: 'text.ircv3.net', nick: 'carol', username: 'carol', gecos: 'carol via irc-framework',
  auto_reconnect: false, enable_echomessage: false });
// The ERROR that answers our own QUIT is expected; any other error numeric is a failure.
carol.on('irc error', (e) => (String(e.reason).startsWith('Closing link')
  ? seen.closings : seen.errors).push('carol: ' + JSON.stringify(e)));
carol.on('message', (e) => {
  seen.carolGot.push(e.type + ' ' + e.nick + ' ' + e.target + ' ' + e.message);
  if (e.message === 'hi carol, dave here') {
    carol.say('#lobby', 'hello dave');
  }
});

let dave;
carol.on('join', (e) => {
  if (e.nick === 'carol' && e.channel === '#lobby' && !dave) {
    dave = new WebSocket(`ws://127.0.0.1:${port}/socket`, ['binary.ircv3.net', 'text.ircv3.net']);
    dave.on('open', () => {
      seen.daveProtocol = dave.protocol;
      dave.send(Buffer.from('NICK dave'));
      dave.send(Buffer.from('USER dave 0 * :dave via ws'));
    });
    dave.on('message', (data, isBinary) => {
      const line = data.toString('utf8');
      seen.daveFrames.push(isBinary ? 'binary' : 'text');
      seen.daveGot.push(line);
      if (line.startsWith('PING ')) dave.send('PONG ' + line.slice(5));
      if (/ 366 dave #lobby /.test(line)) dave.send(Buffer.from('PRIVMSG #lobby :hi carol, dave here'));
      if (line.includes('PRIVMSG #lobby :hello dave')) {
        dave.send(Buffer.from('QUIT :done'));
      }
    });
    dave.on('close', () => {
      carol.quit('bye');
      setTimeout(() => finish(0), 200);
    });
  }
});

function finish(code) {
  clearTimeout(timer);
  console.log(JSON.stringify(seen));
  process.exit(code);
}
