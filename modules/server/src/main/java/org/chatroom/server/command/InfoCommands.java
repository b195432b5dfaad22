package org.chatroom.server.command;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Mask;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.state.ChatRegistry;

/** INFO, HELP/HELPOP and LINKS: what the server says about itself. */
final class InfoCommands {
    private InfoCommands() {
    }

    static void register(CommandDispatcher d) {
        HelpText help = HelpText.load(); // read once here, at start: never a file read on a loop
        d.add("HELP", 0, false, (s, m) -> help(s, m, help));
        d.add("HELPOP", 0, false, (s, m) -> help(s, m, help));
        d.add("INFO", 0, false, InfoCommands::info);
        d.add("LINKS", 0, false, InfoCommands::links);
    }

    private static void help(Session s, IrcMessage m, HelpText help) {
        String subject = m.params().isEmpty() || m.param(0).isBlank() ? HelpText.INDEX : m.param(0).strip();
        List<String> lines = help.topic(subject);
        if (lines == null) {
            s.reply(Numeric.ERR_HELPNOTFOUND, subject);
            return;
        }
        String shown = subject.equals(HelpText.INDEX) ? subject : subject.toUpperCase(java.util.Locale.ROOT);
        s.replyText(Numeric.RPL_HELPSTART, lines.get(0), shown);
        for (int i = 1; i < lines.size() - 1; i++) {
            s.replyText(Numeric.RPL_HELPTXT, lines.get(i), shown);
        }
        s.replyText(Numeric.RPL_ENDOFHELP, lines.size() > 1 ? lines.get(lines.size() - 1) : "", shown);
    }

    private static void info(Session s, IrcMessage m) {
        String started = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochMilli(s.context().createdAtMillis()).atZone(ZoneOffset.UTC));
        for (String line : List.of(
                "Chatroom " + s.context().version() + ", an IRC chat daemon on Netty",
                "Speaks the Modern IRC client protocol with IRCv3 capabilities (CAP LS)",
                "A single server: no links, no services",
                "Online since " + started,
                "HELP lists the commands")) {
            s.replyText(Numeric.RPL_INFO, line);
        }
        s.reply(Numeric.RPL_ENDOFINFO);
    }

    /** LINKS [[server] mask]: this server alone, when the mask matches its name. */
    private static void links(Session s, IrcMessage m) {
        String server = s.context().config().get(ServerConfigKeys.SERVER_NAME);
        String mask = m.params().isEmpty() || m.last().isEmpty() ? "*" : m.last();
        if (Mask.globMatches(mask, server, ChatRegistry.MAPPING)) {
            s.replyText(Numeric.RPL_LINKS, "0 Chatroom IRC daemon", "*", server);
        }
        s.reply(Numeric.RPL_ENDOFLINKS, "*");
    }
}
