package org.chatroom.server.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Mask;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Room;

/**
 * LIST with its room list and the ELIST extensions 005 advertises ({@link #ELIST}): {@code M} masks
 * ({@code *chat*}), {@code N} negated masks ({@code !*test*}), {@code U} member counts ({@code >5},
 * {@code <20}), {@code C} creation and {@code T} topic times in minutes ({@code C<60}, {@code T>10}).
 * Items are joined with commas: a room is listed if it is named or matches a mask (when any are
 * given) and every other condition holds.
 */
final class ListCommand {
    static final String ELIST = "CMNTU";

    private ListCommand() {
    }

    static void register(CommandDispatcher d) {
        d.add("LIST", 0, false, ListCommand::list);
    }

    private static void list(Session s, IrcMessage m) {
        Filter filter = Filter.parse(m.params().isEmpty() ? "" : m.param(0), System.currentTimeMillis());
        s.reply(Numeric.RPL_LISTSTART, "Channel");
        for (Room r : filter.candidates(s)) {
            if (!r.hiddenFrom(s.client()) && filter.test(r)) {
                s.reply(Numeric.RPL_LIST, r.name(), Integer.toString(r.size()), r.topic().text());
            }
        }
        s.reply(Numeric.RPL_LISTEND);
    }

    /** What one LIST asks for; every condition must hold. */
    private static final class Filter {
        private final List<String> names = new ArrayList<>();
        private final List<String> masks = new ArrayList<>();
        private final List<Predicate<Room>> conditions = new ArrayList<>();

        static Filter parse(String spec, long nowMillis) {
            Filter f = new Filter();
            for (String item : spec.split(",")) {
                if (!item.isEmpty()) {
                    f.add(item, nowMillis);
                }
            }
            return f;
        }

        private void add(String item, long nowMillis) {
            char first = item.charAt(0);
            if (first == '>' || first == '<') {
                Long n = number(item.substring(1));
                if (n != null) {
                    conditions.add(first == '>' ? r -> r.size() > n : r -> r.size() < n);
                }
            } else if ((first == 'C' || first == 'T') && item.length() > 2 && (item.charAt(1) == '<' || item.charAt(1) == '>')) {
                Long minutes = number(item.substring(2));
                if (minutes != null) {
                    conditions.add(age(first == 'C', item.charAt(1) == '<', minutes, nowMillis));
                }
            } else if (first == '!' && item.length() > 1) {
                String mask = item.substring(1);
                conditions.add(r -> !Mask.globMatches(mask, r.name(), ChatRegistry.MAPPING));
            } else if (item.indexOf('*') >= 0 || item.indexOf('?') >= 0) {
                masks.add(item);
            } else {
                names.add(item);
            }
        }

        /** {@code C<n}: made less than n minutes ago; {@code T>n}: topic set more than n minutes ago. */
        private static Predicate<Room> age(boolean created, boolean lessThan, long minutes, long nowMillis) {
            long limitMillis = minutes * 60_000;
            return r -> {
                long atMillis = created ? r.createdAtMillis() : r.topic().setAtSeconds() * 1000;
                if (!created && !r.topic().isSet()) {
                    return false; // no topic, no topic time to compare
                }
                long ageMillis = nowMillis - atMillis;
                return lessThan ? ageMillis < limitMillis : ageMillis > limitMillis;
            };
        }

        private static Long number(String text) {
            try {
                long n = Long.parseLong(text);
                return n < 0 ? null : n;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** The named rooms alone when only names were given (no walk over every room); else every room. */
        List<Room> candidates(Session s) {
            if (names.isEmpty() || !masks.isEmpty()) {
                return List.copyOf(s.context().registry().rooms().all());
            }
            List<Room> out = new ArrayList<>();
            for (String name : names) {
                Room r = s.context().registry().rooms().get(name);
                if (r != null && !out.contains(r)) {
                    out.add(r);
                }
            }
            return out;
        }

        /** Named or matching a mask (either, when both were given), and every condition holds. */
        boolean test(Room r) {
            boolean chosen = names.isEmpty() && masks.isEmpty()
                    || names.stream().anyMatch(n -> ChatRegistry.MAPPING.equals(n, r.name()))
                    || masks.stream().anyMatch(mk -> Mask.globMatches(mk, r.name(), ChatRegistry.MAPPING));
            if (!chosen) {
                return false;
            }
            return conditions.stream().allMatch(c -> c.test(r));
        }
    }
}
