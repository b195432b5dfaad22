package org.chatroom.server.admin;

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
import org.chatroom.protocol.NameRules;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.store.AccountRow;

/**
 * {@code account add|del|passwd|list}. The password arrives as the last argument of the request
 * (the admin socket is this user's only); it is hashed here, on the admin connection's own thread
 * (never an event loop), and is never logged: these commands log the account name alone, refused
 * or not, and are not in the generic "refused" log line.
 */
final class AccountCommands {
    private static final Logger LOG = LogManager.getLogger();
    static final String USAGE = "account add NAME PASSWORD | account passwd NAME PASSWORD | account del NAME | account list";

    private AccountCommands() {
    }

    static AdminReply run(AdminEnv env, AdminRequest r, String who) throws AdminException {
        List<String> a = r.args();
        String sub = a.get(0);
        switch (sub) {
            case "list" -> {
                expect(a, 1);
                return list(env, r.json());
            }
            case "add", "passwd" -> {
                expect(a, 3);
                String name = a.get(1);
                String problem = NameRules.nickProblem(name, env.context().config().get(ServerConfigKeys.NICK_LENGTH));
                if (problem != null) {
                    throw new AdminException(AdminReply.BAD_VALUE, "'" + name + "' is not an account name: " + problem);
                }
                if (a.get(2).isEmpty()) {
                    throw new AdminException(AdminReply.BAD_VALUE, "the password is empty");
                }
                String hash = PasswordHash.create(a.get(2).toCharArray()).toString();
                boolean done = sub.equals("add")
                        ? wait(env.context().store().addAccount(new AccountRow(name, hash, System.currentTimeMillis())))
                        : wait(env.context().store().setPassword(name, hash));
                if (!done) {
                    LOG.info("admin ({}): account {} {} refused: {}", who, sub, name,
                            sub.equals("add") ? "exists" : "no such account");
                    throw new AdminException(AdminReply.CANT, sub.equals("add") ? "account " + name + " exists already"
                            : "no such account: " + name);
                }
                LOG.info("admin ({}): {} account {}", who, sub.equals("add") ? "created" : "set a new password for", name);
                return AdminReply.text(List.of(sub.equals("add") ? "account " + name + " created"
                        : "password of " + name + " changed"));
            }
            case "del" -> {
                expect(a, 2);
                String name = a.get(1);
                if (!wait(env.context().store().deleteAccount(name))) {
                    throw new AdminException(AdminReply.CANT, "no such account: " + name);
                }
                LOG.info("admin ({}): deleted account {}", who, name);
                List<String> body = new java.util.ArrayList<>(List.of("account " + name + " deleted"));
                for (String room : org.chatroom.server.command.RoomOwnership.accountDeleted(env.context(), name)) {
                    LOG.info("admin ({}): {} is no longer registered (its owner account {} was deleted)", who, room, name);
                    body.add(room + " is no longer registered");
                }
                return AdminReply.text(body);
            }
            default -> throw new AdminException(AdminReply.BAD_VALUE, "no account command '" + sub + "': " + USAGE);
        }
    }

    private static void expect(List<String> a, int n) throws AdminException {
        if (a.size() < n) {
            throw new AdminException(AdminReply.TOO_FEW, "too few arguments: usage: " + USAGE);
        }
        if (a.size() > n) {
            throw new AdminException(AdminReply.TOO_MANY, "too many arguments: usage: " + USAGE);
        }
    }

    private static AdminReply list(AdminEnv env, boolean json) throws AdminException {
        List<AccountRow> all = wait(env.context().store().accounts());
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (AccountRow a : all) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", a.name());
                row.put("created", Instant.ofEpochMilli(a.createdAtMillis()).truncatedTo(ChronoUnit.SECONDS).toString());
                rows.add(row);
            }
            return AdminReply.rows(rows);
        }
        List<String> lines = new ArrayList<>();
        for (AccountRow a : all) {
            lines.add("account=" + a.name() + " created="
                    + Instant.ofEpochMilli(a.createdAtMillis()).truncatedTo(ChronoUnit.SECONDS));
        }
        return AdminReply.text(lines);
    }

    private static <T> T wait(CompletableFuture<T> f) throws AdminException {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AdminException(AdminReply.CANT, "the database refused: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new AdminException(AdminReply.CANT, "the database did not answer within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException(AdminReply.CANT, "interrupted");
        }
    }
}
