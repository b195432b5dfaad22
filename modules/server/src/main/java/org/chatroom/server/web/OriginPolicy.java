package org.chatroom.server.web;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Whether a WebSocket upgrade may proceed, by its {@code Origin}: a page on another site must not
 * open a chat session with its visitor's address. Allowed: no Origin at all (not a browser), an
 * origin listed in {@code http.allowed.origins} ({@code *} = any), or, with an empty list, the same
 * host and port the request was sent to.
 */
final class OriginPolicy {
    private final List<String> allowed;

    OriginPolicy(List<String> allowed) {
        this.allowed = allowed.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    boolean allows(HttpHeaders headers) {
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return true;
        }
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains("*") || allowed.contains(o)) {
            return true;
        }
        if (!allowed.isEmpty()) {
            return false;
        }
        String host = headers.get(HttpHeaderNames.HOST);
        if (host == null) {
            return false;
        }
        try {
            URI u = new URI(o);
            if (u.getHost() == null) {
                return false;
            }
            int port = u.getPort() >= 0 ? u.getPort() : ("https".equals(u.getScheme()) ? 443 : 80);
            return sameHostPort(u.getHost(), port, host.strip().toLowerCase(Locale.ROOT), u.getScheme());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean sameHostPort(String originHost, int originPort, String hostHeader, String scheme) {
        String h = hostHeader;
        int port = "https".equals(scheme) ? 443 : 80;
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']')) {
            try {
                port = Integer.parseInt(h.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            h = h.substring(0, colon);
        }
        return h.equals(originHost) && port == originPort;
    }
}
