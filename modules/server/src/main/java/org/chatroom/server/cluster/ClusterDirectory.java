package org.chatroom.server.cluster;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Room;

/**
 * What a node that starts listening must read: who is online on every node and who is in which room,
 * and each room's topic, modes and lists. Each node writes its own users' entries; a reaper deletes a
 * dead node's.
 *
 * <p>Keys: {@code chat:users} (folded nick → the user's {@code USER} event); {@code
 * chat:room:<folded>:members} (folded nick → {@code node/standing}); {@code chat:room:<folded>:state}
 * (topic → a {@code TOPIC} event, modes, bans, excepts, invex); {@code chat:node:<node>:rooms} (the rooms
 * a node has members in); {@code chat:node:<node>:stats} (users, rooms, deliveries); {@code
 * chat:user:<folded>:rooms} (folded room → its name: the rooms a user is in, for WHOIS on a node that
 * follows none of them), written and deleted with the user's member entries.
 */
final class ClusterDirectory {
    static final String USERS = "chat:users";

    /** Deletes every entry a node wrote: its users, its room memberships (and a room's state with its last member). */
    private static final String FORGET_NODE = """
            local users = redis.call('HGETALL', KEYS[1])
            for i = 1, #users, 2 do
              if string.sub(users[i + 1], 1, string.len(ARGV[1])) == ARGV[1] then
                redis.call('HDEL', KEYS[1], users[i])
              end
            end
            local roomsKey = 'chat:node:' .. ARGV[3] .. ':rooms'
            for _, room in ipairs(redis.call('SMEMBERS', roomsKey)) do
              local key = 'chat:room:' .. room .. ':members'
              local members = redis.call('HGETALL', key)
              for i = 1, #members, 2 do
                if string.sub(members[i + 1], 1, string.len(ARGV[2])) == ARGV[2] then
                  redis.call('HDEL', key, members[i])
                  redis.call('HDEL', 'chat:user:' .. members[i] .. ':rooms', room)
                end
              end
              if redis.call('HLEN', key) == 0 then
                redis.call('DEL', 'chat:room:' .. room .. ':state')
              end
            end
            redis.call('DEL', roomsKey, 'chat:node:' .. ARGV[3] .. ':stats')
            return 1
            """;

    /** Removes one member entry (and the room from the user's rooms); the room's state goes with its last member anywhere. */
    private static final String LEAVE = """
            redis.call('HDEL', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[2])
            if redis.call('HLEN', KEYS[1]) == 0 then redis.call('DEL', KEYS[2]) end
            return 1
            """;

    /**
     * The rooms of one user of node ARGV[2] for WHOIS: name, standing, modes of each room whose member
     * entry is still that node's (an entry a nick change or a netsplit left behind is not listed).
     */
    private static final String ROOMS_OF = """
            local out = {}
            local rooms = redis.call('HGETALL', KEYS[1])
            for i = 1, #rooms, 2 do
              local entry = redis.call('HGET', 'chat:room:' .. rooms[i] .. ':members', ARGV[1])
              if entry and string.sub(entry, 1, string.len(ARGV[2]) + 1) == ARGV[2] .. '/' then
                local modes = redis.call('HGET', 'chat:room:' .. rooms[i] .. ':state', 'modes') or '+'
                table.insert(out, rooms[i])
                table.insert(out, rooms[i + 1])
                table.insert(out, string.sub(entry, string.len(ARGV[2]) + 2))
                table.insert(out, modes)
              end
            end
            return out
            """;

    private final RedisLink redis;
    private final String node;
    private final ChatRegistry registry;

    ClusterDirectory(RedisLink redis, String node, ChatRegistry registry) {
        this.redis = redis;
        this.node = node;
        this.registry = registry;
    }

    private RedisAsyncCommands<String, String> async() {
        return redis.async();
    }

    CompletableFuture<Long> putUser(String folded, ClusterEvent user) {
        return async().hset(USERS, folded, user.encode()).toCompletableFuture().thenApply(b -> 1L);
    }

    CompletableFuture<Long> removeUser(String folded) {
        return async().hdel(USERS, folded).toCompletableFuture();
    }

    CompletableFuture<Map<String, String>> users() {
        return async().hgetall(USERS).toCompletableFuture();
    }

    CompletableFuture<Long> putMember(String room, String folded, String owner, String standing) {
        async().sadd("chat:node:" + owner + ":rooms", room);
        Room here = registry.rooms().get(room); // the name as its users spell it, for WHOIS elsewhere
        async().hset(userRooms(folded), room, here == null ? room : here.name());
        return async().hset(members(room), folded, owner + "/" + standing).toCompletableFuture().thenApply(b -> 1L);
    }

    CompletableFuture<Long> removeMember(String room, String folded) {
        return redis.evalLong(LEAVE, new String[] {members(room), state(room), userRooms(folded)}, folded, room);
    }

    /** The rooms of {@code folded}, a user of {@code owner}: [folded room, name, standing, modes] each. */
    CompletableFuture<List<String>> roomsOf(String folded, String owner) {
        return async().<List<Object>>eval(ROOMS_OF, ScriptOutputType.MULTI, new String[] {userRooms(folded)},
                folded, owner).toCompletableFuture()
                .thenApply(list -> list.stream().map(Object::toString).toList());
    }

    /** The rooms {@code owner} has written member entries in (some may be stale after an outage). */
    CompletableFuture<java.util.Set<String>> roomsOfNode(String owner) {
        return async().smembers("chat:node:" + owner + ":rooms").toCompletableFuture();
    }

    CompletableFuture<Map<String, String>> roomMembers(String room) {
        return async().hgetall(members(room)).toCompletableFuture();
    }

    CompletableFuture<Map<String, String>> roomState(String room) {
        return async().hgetall(state(room)).toCompletableFuture();
    }

    CompletableFuture<Long> putState(String room, Map<String, String> fields) {
        return async().hset(state(room), fields).toCompletableFuture();
    }

    CompletableFuture<Long> forgetNode(String dead) {
        String userPrefix = "USER\0" + dead + "\0";
        return redis.evalLong(FORGET_NODE, new String[] {USERS}, userPrefix, dead + "/", dead);
    }

    CompletableFuture<Long> putStats(long users, long rooms, long deliveries) {
        return async().hset("chat:node:" + node + ":stats", Map.of("users", Long.toString(users),
                "rooms", Long.toString(rooms), "deliveries", Long.toString(deliveries))).toCompletableFuture();
    }

    CompletableFuture<Map<String, String>> stats(String ofNode) {
        return async().hgetall("chat:node:" + ofNode + ":stats").toCompletableFuture();
    }

    CompletableFuture<java.util.Set<String>> nodes() {
        return async().smembers("chat:nodes").toCompletableFuture();
    }

    private static String members(String room) {
        return "chat:room:" + room + ":members";
    }

    private static String userRooms(String folded) {
        return "chat:user:" + folded + ":rooms";
    }

    private static String state(String room) {
        return "chat:room:" + room + ":state";
    }
}
