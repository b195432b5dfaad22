package org.chatroom.server.web;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Who is really at the other end of an HTTP connection: the peer, or — only when the peer is one of
 * {@code http.trusted.proxies} — the address it names in {@code X-Forwarded-For} (the right-most
 * one that is not itself a trusted proxy) and whether {@code X-Forwarded-Proto} says https. Only
 * literal addresses are read: a name would need DNS on the event loop.
 *
 * @param address the address every limit counts against
 * @param port    the peer's port when it is the client itself, else 0
 * @param secure  true when the user's own connection is encrypted (HTTPS here or at the proxy)
 */
record ClientOrigin(InetAddress address, int port, boolean secure) {
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    static ClientOrigin of(InetSocketAddress peer, boolean tls, HttpHeaders headers, List<InetAddress> trusted) {
        InetAddress address = peer.getAddress();
        if (!trusted.contains(address)) {
            return new ClientOrigin(address, peer.getPort(), tls);
        }
        InetAddress forwarded = null;
        List<String> values = headers.getAll(X_FORWARDED_FOR);
        outer:
        for (int v = values.size() - 1; v >= 0; v--) {
            String[] hops = values.get(v).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = literal(hops[i].strip());
                if (hop == null) {
                    break outer; // garbage: trust nothing further left of it
                }
                forwarded = hop;
                if (!trusted.contains(hop)) {
                    break outer;
                }
            }
        }
        if (forwarded == null) {
            return new ClientOrigin(address, peer.getPort(), tls);
        }
        String proto = headers.get(X_FORWARDED_PROTO);
        boolean secure = proto == null ? tls : proto.strip().equalsIgnoreCase("https");
        return new ClientOrigin(forwarded, 0, secure);
    }

    private static InetAddress literal(String text) {
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes); // no lookup: the bytes are the address
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
