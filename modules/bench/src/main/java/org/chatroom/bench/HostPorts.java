package org.chatroom.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** The {@code HOST:PORT} values of chat-bench's {@code --sender-target} and {@code --receiver-targets}. */
final class HostPorts {
    private HostPorts() {
    }

    /**
     * One {@code HOST:PORT} of {@code --name} ({@code [v6]:PORT} for IPv6): a literal address or a name, and
     * loopback unless remote hosts are allowed, as {@code --host}.
     */
    static InetSocketAddress parse(String name, String text, boolean remote) throws BenchCli.UsageException {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        String host = colon > 0 ? t.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || colon == t.length() - 1) {
            throw new BenchCli.UsageException("--" + name + " " + text + " is not HOST:PORT (e.g. 127.0.0.1:6667)");
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new BenchCli.UsageException("--" + name + " " + text + ": the port is not a whole number (1-65535)");
        }
        if (port < 1 || port > 65535) {
            throw new BenchCli.UsageException("--" + name + " " + text + ": the port is out of range (1-65535)");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BenchCli.UsageException("--" + name + " " + text + ": unknown host");
        }
        if (!address.isLoopbackAddress() && !remote) {
            throw new BenchCli.UsageException("--" + name + " " + text + " is not a loopback address; load tests go to this"
                    + " machine unless you add --allow-remote");
        }
        return new InetSocketAddress(address, port);
    }
}
