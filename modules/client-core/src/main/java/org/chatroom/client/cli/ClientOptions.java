package org.chatroom.client.cli;

import java.io.IOException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.chatroom.client.TlsTrust;
import org.chatroom.client.input.InputParser;
import org.chatroom.protocol.NameRules;

/**
 * Where a client connects, as its command line says: the options both clients share (host, port,
 * nick, TLS and trust), defined and checked once. Each client adds its own options and its help.
 *
 * @param host  server host
 * @param port  server port
 * @param nick  the nick, or null when the client should ask for it
 * @param tls   connect with TLS
 * @param trust with TLS: which certificates to accept; null for the default (Java's trust store)
 */
public record ClientOptions(String host, int port, String nick, boolean tls, TlsTrust trust) {
    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 6667;
    public static final int DEFAULT_TLS_PORT = 6697;

    public ClientOptions(String host, int port, String nick, boolean tls) {
        this(host, port, nick, tls, null);
    }

    /**
     * What to use for options not given.
     *
     * @param portIsTls whether {@code port} is meant for TLS (then {@code --tls} does not move it to 6697)
     */
    public record Defaults(String host, int port, boolean portIsTls, boolean tls) {
        public static final Defaults BUILT_IN = new Defaults(DEFAULT_HOST, DEFAULT_PORT, false, false);
    }

    /** A mistake on the command line; the message says what was wrong and what is allowed. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** Adds the shared options; the descriptions of host, port and nick say this client's defaults. */
    public static void addTo(Options o, String hostDefault, String portDefault, String nickMeaning) {
        o.addOption(Option.builder().longOpt("host").hasArg().argName("HOST")
                .desc("server host name or address (default " + hostDefault + ")").get());
        o.addOption(Option.builder("p").longOpt("port").hasArg().argName("PORT")
                .desc("server port (default " + portDefault + ")").get());
        o.addOption(Option.builder("n").longOpt("nick").hasArg().argName("NICK").desc(nickMeaning).get());
        o.addOption(Option.builder().longOpt("tls").desc("connect with TLS; the server's certificate must be "
                + "trusted by Java's trust store and name the host, unless --trust-fingerprint or --truststore says "
                + "otherwise").get());
        o.addOption(Option.builder().longOpt("trust-fingerprint").hasArg().argName("SHA256")
                .desc("with --tls: trust exactly the certificate with this SHA-256 fingerprint (64 hex digits, "
                        + "colons optional), e.g. a self-signed one; the server operator has it, and a refused "
                        + "connection shows it").get());
        o.addOption(Option.builder().longOpt("truststore").hasArg().argName("FILE")
                .desc("with --tls: trust the certificates in this PKCS12 or JKS truststore instead of Java's").get());
        o.addOption(Option.builder().longOpt("truststore-password").hasArg().argName("PASSWORD")
                .desc("the password of --truststore, if it has one").get());
    }

    /**
     * Reads the shared options from {@code cl}.
     *
     * @throws UsageException a value is wrong (exit 2 with "PROGRAM: message; try --help")
     * @throws IOException    the truststore cannot be read (exit 2 with "PROGRAM: message")
     */
    public static ClientOptions from(CommandLine cl, Defaults d) throws UsageException, IOException {
        String host = cl.getOptionValue("host", d.host()).strip();
        if (host.isEmpty()) {
            throw new UsageException("--host is empty");
        }
        boolean tls = cl.hasOption("tls") || d.tls();
        int defaultPort = cl.hasOption("tls") && !d.portIsTls() ? DEFAULT_TLS_PORT : d.port();
        String portText = cl.getOptionValue("port", String.valueOf(defaultPort)).strip();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new UsageException("--port " + portText + " is not a number (1-65535)");
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("--port " + port + " is out of range (1-65535)");
        }
        String nick = cl.getOptionValue("nick");
        if (nick != null) {
            String problem = NameRules.nickProblem(nick, InputParser.MAX_NICK_LENGTH);
            if (problem != null) {
                throw new UsageException("--nick " + nick + ": " + problem);
            }
        }
        TlsTrust trust;
        try {
            trust = TlsTrust.fromOptions(tls, cl.getOptionValue("trust-fingerprint"), cl.getOptionValue("truststore"),
                    cl.getOptionValue("truststore-password"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new ClientOptions(host, port, nick, tls, trust);
    }

    /** host:port, for messages and as the key a pinned certificate is remembered under. */
    public String server() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
