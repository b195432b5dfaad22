#!/usr/bin/env python3
"""Issue 13's defects 2-4, live against an unpacked release, for before/after figures.

Usage: bench/attacks.py RELEASE_HOME [--port 16831] [--legacy]

Starts RELEASE_HOME/bin/chat-server.sh run (heap 128 MB) three times on loopback, once per attack,
and prints one line of figures each:
  churn     20,000 connect/close cycles; then the daemon's live client objects after a full GC
            (jcmd GC.class_histogram on its pid) and its RSS
  lineflood a client from a non-exempt address sends PONG lines for 5 s; was it dropped
            (Excess Flood), how many lines got in, the daemon's CPU seconds
  halfopen  200 connections that never register, from 20 loopback addresses; can a user still
            register, and how long it took
Every loop is bounded in count and time; only loopback addresses are used.
"""
import argparse
import os
import re
import signal
import socket
import subprocess
import tempfile
import time


def start(home, port, extra):
    d = tempfile.mkdtemp(prefix="chat-attack-")
    conf = os.path.join(d, "chat-server.properties")
    with open(conf, "w") as f:
        f.write("bind=127.0.0.1\nport=%d\nadmin.enabled=false\nworker.threads=2\n" % port)
        f.write("data.dir=%s/data\nmotd.file=%s/none\n" % (d, d))
        f.write(extra)
    env = dict(os.environ, CHAT_HEAP_OPTS="-Xmx128m", CHAT_LOG_DIR=d)
    p = subprocess.Popen([os.path.join(home, "bin", "chat-server.sh"), "run", "--config", conf],
                         stdout=open(os.path.join(d, "out.log"), "w"), stderr=subprocess.STDOUT, env=env)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return p
        except OSError:
            time.sleep(0.1)
    p.kill()
    raise SystemExit("daemon did not listen")


def stop(p):
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        p.kill()


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(re.sub(r"\D", "", line)) // 1024
    return 0


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def live_clients(pid):
    out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True, timeout=60).stdout
    n = 0
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 4 and f[3] in ("org.chatroom.server.user.Client", "org.chatroom.server.state.Client"):
            n += int(f[1])
    return n


def register(port, nick, timeout=5.0, source=None):
    s = socket.socket()
    if source:
        s.bind((source, 0))
    s.settimeout(timeout)
    s.connect(("127.0.0.1", port))
    s.sendall(("NICK %s\r\nUSER %s 0 * :%s\r\n" % (nick, nick, nick)).encode())
    buf, t0 = b"", time.time()
    while time.time() - t0 < timeout:
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
        if (" 001 %s " % nick).encode() in buf:
            return s, time.time() - t0
    s.close()
    return None, time.time() - t0


def churn(home, port):
    p = start(home, port, "connect.rate.per.ip=1000000\nmax.connections.per.ip=1000\nlimits.exempt=127.0.0.1\n")
    try:
        for _ in range(20000):
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            try:
                s.connect(("127.0.0.1", port))
            except OSError:
                pass
            s.close()
        counts = []
        for wait in (1, 5, 10):  # the daemon may still be working through the last closes
            time.sleep(wait - (counts and [1, 5, 10][len(counts) - 1] or 0))
            counts.append("%d after %d s" % (live_clients(p.pid), wait))
        print("churn: 20000 cycles, live client objects after a full GC: %s; RSS %d MB"
              % (", ".join(counts), rss_mb(p.pid)))
    finally:
        stop(p)


def lineflood(home, port):
    p = start(home, port, "flood.exempt=\n")
    try:
        s = socket.socket()
        s.connect(("127.0.0.1", port))
        s.sendall(b"NICK flooder\r\nUSER f 0 * :f\r\n")
        got = []

        def read():
            while True:
                try:
                    chunk = s.recv(65536)
                except OSError:
                    break
                if not chunk:
                    break
                got.append(chunk)

        import threading
        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        cpu0, t0, sent = cpu_seconds(p.pid), time.time(), 0
        line = b"PONG :x\r\n" * 100
        while time.time() - t0 < 5 and sent < 50_000_000 and reader.is_alive():
            try:
                s.sendall(line)
                sent += 100
            except OSError:
                break
        reader.join(2)
        text = b"".join(got).decode(errors="replace")
        errors = [l for l in text.splitlines() if l.startswith("ERROR")]
        print("lineflood: PONG lines sent %d in %.1f s, disconnected: %s %s, daemon CPU %.1f s"
              % (sent, time.time() - t0, not reader.is_alive(), errors[-1:] , cpu_seconds(p.pid) - cpu0))
        s.close()
    finally:
        stop(p)


def halfopen(home, port, legacy):
    p = start(home, port, "max.clients=20\nlimits.exempt=\nmax.connections.per.ip=10\n"
              + ("" if legacy else "max.unregistered=50\n"))
    socks = []
    try:
        for i in range(200):
            s = socket.socket()
            s.bind(("127.0.1.%d" % (1 + i // 10), 0))
            try:
                s.connect(("127.0.0.1", port))
            except OSError:
                pass
            socks.append(s)
        try:
            user, took = register(port, "alice")
        except OSError as e:
            user, took = None, 0.0
            print("halfopen: the user's connection failed: %s" % e)
        print("halfopen: 200 half-open connections from 20 addresses; a user registered: %s (%.2f s), RSS %d MB"
              % (user is not None, took, rss_mb(p.pid)))
        if user:
            user.close()
    finally:
        for s in socks:
            s.close()
        stop(p)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("home")
    ap.add_argument("--port", type=int, default=16831)
    ap.add_argument("--legacy", action="store_true", help="a release before max.unregistered existed")
    a = ap.parse_args()
    churn(a.home, a.port)
    lineflood(a.home, a.port)
    halfopen(a.home, a.port, a.legacy)


if __name__ == "__main__":
    main()
