package org.chatroom.server.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.Durations;
import org.chatroom.protocol.Mask;
import org.chatroom.server.context.Cluster;
import org.chatroom.server.state.ChatRegistry;

/** {@code ban}, {@code unban} and {@code bans}. */
final class BanCommands {
    private static final Logger LOG = LogManager.getLogger(AdminCommands.class);

    private BanCommands() {
    }

    static AdminReply ban(AdminEnv env, AdminRequest r, String who) throws AdminException {
        Mask mask = mask(r.args().get(0));
        int next = 1;
        Duration length = null;
        if (r.args().size() > 1 && BanDuration.isLength(r.args().get(1))) {
            length = BanDuration.parse(r.args().get(1));
            next = 2;
        }
        String reason = UserCommands.text(r.rest(next));
        long now = System.currentTimeMillis();
        Ban ban = new Ban(mask, reason, "admin:" + who, now, length == null ? 0 : now + length.toMillis());
        CompletableFuture<Void> saved = env.bans().add(ban);
        Cluster cluster = env.context().cluster();
        cluster.serverBanSet(BanList.row(ban)); // the other nodes refuse and disconnect their matching users
        int dropped = env.bans().disconnect(ban, cluster.reachable());
        String span = length == null ? "for good" : "for " + Durations.human(length);
        LOG.info("admin ({}): banned {} {} ({} online users disconnected): {}", who, mask, span, dropped, reason);
        awaitSave(saved, "banned " + mask);
        return AdminReply.text(List.of("banned " + mask + " " + span + " (" + dropped + " users disconnected)"));
    }

    static AdminReply unban(AdminEnv env, AdminRequest r, String who) throws AdminException {
        Mask mask = mask(r.args().get(0));
        CompletableFuture<Void> saved = env.bans().remove(mask);
        if (saved == null) {
            throw new AdminException(AdminReply.CANT, "no ban on " + mask);
        }
        env.context().cluster().serverBanLifted(mask.pattern());
        LOG.info("admin ({}): lifted the ban on {}", who, mask);
        awaitSave(saved, "unbanned " + mask);
        return AdminReply.text(List.of("unbanned " + mask));
    }

    static AdminReply bans(AdminEnv env) {
        long now = System.currentTimeMillis();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Ban b : env.bans().active(now)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("mask", b.mask().pattern());
            row.put("expires", b.expiresAtMillis() == 0 ? "never"
                    : Instant.ofEpochMilli(b.expiresAtMillis()).truncatedTo(ChronoUnit.SECONDS).toString());
            row.put("left", b.expiresAtMillis() == 0 ? -1 : Math.max(0, (b.expiresAtMillis() - now + 999) / 1000));
            row.put("set_at", Instant.ofEpochMilli(b.setAtMillis()).truncatedTo(ChronoUnit.SECONDS).toString());
            row.put("set_by", b.setBy());
            row.put("reason", b.reason());
            rows.add(row);
        }
        return AdminReply.rows(rows);
    }

    private static Mask mask(String text) throws AdminException {
        try {
            return Mask.of(text, ChatRegistry.MAPPING);
        } catch (IllegalArgumentException e) {
            throw new AdminException(AdminReply.BAD_VALUE, "'" + text + "' is not a mask: " + e.getMessage());
        }
    }

    /** The change is in force already; this only reports whether it reached the disk. */
    private static void awaitSave(CompletableFuture<Void> saved, String what) throws AdminException {
        try {
            saved.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AdminException(AdminReply.CANT, what + " until restart: the ban file could not be written ("
                    + e.getCause().getMessage() + ")");
        } catch (TimeoutException e) {
            throw new AdminException(AdminReply.CANT, what + ", but the ban file is still being written");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException(AdminReply.CLOSING, "interrupted");
        }
    }
}
