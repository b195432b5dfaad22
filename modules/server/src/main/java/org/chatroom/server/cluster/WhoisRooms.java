package org.chatroom.server.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.chatroom.server.state.Client;

/**
 * The 319 (RPL_WHOISCHANNELS) part of a WHOIS of a user of another node, for the rooms this node does
 * not follow: read from the user's room set in the directory ({@link ClusterDirectory#roomsOf}) in one
 * script call, never on a loop. The rooms this node follows are listed from its own state, which is
 * as fresh; so they are left out here. A secret (+s) room is shown only to a server operator, as for
 * a local user (the asker is in none of these rooms, or this node would follow it).
 */
final class WhoisRooms {
    private static final long WAIT_MILLIS = 2000;

    private WhoisRooms() {
    }

    /** Null when there is nothing to ask (a local user, Redis away); else the entries, empty on a failure. */
    static CompletableFuture<List<String>> of(ClusterDirectory directory, Client ghost, boolean secretToo,
                                              boolean up, Predicate<String> followed) {
        if (!ghost.ghost() || !up) {
            return null;
        }
        return directory.roomsOf(RedisCluster.fold(ghost.nick()), ghost.node())
                .orTimeout(WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .thenApply(flat -> entries(flat, secretToo, followed))
                .exceptionally(e -> List.of()); // WHOIS still answers, with what this node knows
    }

    /** {@code flat}: [folded room, name, standing, modes] per room. */
    static List<String> entries(List<String> flat, boolean secretToo, Predicate<String> followed) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 3 < flat.size(); i += 4) {
            String modes = flat.get(i + 3);
            int space = modes.indexOf(' ');
            boolean secret = (space < 0 ? modes : modes.substring(0, space)).indexOf('s') >= 0;
            if (followed.test(flat.get(i)) || (secret && !secretToo)) {
                continue;
            }
            out.add(RedisCluster.standing(flat.get(i + 2)).prefix(false) + flat.get(i + 1));
        }
        out.sort(java.util.Comparator.comparing(entry -> entry.replaceFirst("^[@+]", ""),
                String.CASE_INSENSITIVE_ORDER)); // by room name, whatever the standing
        return out;
    }
}
