package org.chatroom.server.command;

import java.util.HashMap;
import java.util.Map;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;

/** Looks a command up, checks registration and parameter count, and runs it. */
public final class CommandDispatcher {
    private record Spec(int minParams, boolean beforeRegistration, Command command) {
    }

    private final Map<String, Spec> commands = new HashMap<>();

    public CommandDispatcher() {
        RegistrationCommands.register(this);
        MessageCommands.register(this);
        RoomCommands.register(this);
        QueryCommands.register(this);
        WhoCommand.register(this);
        NamesCommand.register(this);
        ListCommand.register(this);
        MonitorCommands.register(this);
        WhowasCommand.register(this);
        InfoCommands.register(this);
        ModeCommands.register(this);
        OperatorCommands.register(this);
        AuthenticateCommand.register(this);
        RegisterCommand.register(this);
        IdentityCommands.register(this);
        ChathistoryCommand.register(this);
        ReadMarkerCommand.register(this);
    }

    /** Adds {@code name}; {@code beforeRegistration} allows it before NICK/USER completed. */
    void add(String name, int minParams, boolean beforeRegistration, Command command) {
        commands.put(name, new Spec(minParams, beforeRegistration, command));
    }

    public void dispatch(Session s, IrcMessage m) {
        Spec spec = commands.get(m.command());
        boolean registered = s.client().registered();
        if (spec == null) {
            if (registered) {
                s.reply(Numeric.ERR_UNKNOWNCOMMAND, m.command());
            } else {
                s.reply(Numeric.ERR_NOTREGISTERED);
            }
            return;
        }
        if (!registered && m.command().equals("JOIN") && (m.params().isEmpty() || m.param(0).isEmpty())) {
            return; // irssi sends "JOIN :" while connecting; an empty join list asks for nothing
        }
        if (!registered && !spec.beforeRegistration()) {
            s.reply(Numeric.ERR_NOTREGISTERED);
            return;
        }
        if (m.params().size() < spec.minParams()) {
            s.reply(Numeric.ERR_NEEDMOREPARAMS, m.command());
            return;
        }
        spec.command().handle(s, m);
    }
}
