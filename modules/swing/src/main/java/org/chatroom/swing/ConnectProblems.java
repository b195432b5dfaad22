package org.chatroom.swing;

import java.util.Locale;
import org.chatroom.client.DisconnectCause;

/** Turns the client library's reasons into sentences for the login dialog and the banner. */
final class ConnectProblems {
    private ConnectProblems() {
    }

    /** Why connecting to {@code server} failed, in plain words. */
    static String describe(String server, String reason, DisconnectCause cause) {
        String r = reason == null ? "" : reason;
        String lower = r.toLowerCase(Locale.ROOT);
        if (cause == DisconnectCause.UNTRUSTED_CERTIFICATE) {
            return "The server " + server + " presented a certificate this computer does not trust" + detail(r)
                    + ". Connect again to see it and choose whether to trust it, or start with --trust-fingerprint "
                    + "or --truststore.";
        }
        if (cause == DisconnectCause.NICK_UNAVAILABLE) {
            return "That nick can't be used on this server (" + r + "). Choose another nick.";
        }
        if (cause == DisconnectCause.LOGIN_FAILED) {
            String sentence = r.isEmpty() ? "Logging in failed" : Character.toUpperCase(r.charAt(0)) + r.substring(1);
            return sentence + ". Check the password, or clear it to chat without an account.";
        }
        if (cause == DisconnectCause.BANNED) {
            return "This server has banned you" + detail(r) + ".";
        }
        if (cause == DisconnectCause.KICKED) {
            return "You were removed from the server" + detail(r) + ".";
        }
        if (lower.contains("unknown host \"")) {
            int open = r.indexOf('"');
            return unknownHost(r.substring(open + 1, r.indexOf('"', open + 1)));
        }
        if (lower.contains("refused")) {
            return "Nothing answered at " + server + ": the connection was refused. "
                    + "Is the server running, and is the port right?";
        }
        if (lower.contains("timed out") || lower.contains("timeout")) {
            return server + " did not answer in time. Check the host name and port.";
        }
        if (lower.contains("unreachable") || lower.contains("no route")) {
            return "Cannot reach " + server + ": the network is unreachable.";
        }
        if (lower.contains("pkix") || lower.contains("certif")) {
            return "The server " + server + " presented a certificate this computer does not trust. "
                    + "Ask its operator, or import the certificate into Java's trust store.";
        }
        if (lower.contains("ssl") || lower.contains("tls") || lower.contains("handshake")) {
            return "The secure (TLS) connection to " + server + " failed. Does the server use TLS on this port? ("
                    + r + ")";
        }
        return "Could not connect to " + server + detail(r) + ".";
    }

    /** For a host name that does not resolve. */
    static String unknownHost(String host) {
        return "Unknown host \"" + host + "\". Check the spelling of the server name.";
    }

    private static String detail(String reason) {
        String r = reason.strip();
        int colon = r.indexOf(": ");
        if (r.startsWith("cannot connect to ") && colon > 0) {
            r = r.substring(colon + 2);
        }
        return r.isEmpty() ? "" : ": " + r;
    }
}
