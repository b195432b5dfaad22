package org.chatroom.server.cluster;

import java.util.concurrent.CompletableFuture;

/**
 * Nicks across nodes: a nick belongs to whoever claimed it first in Redis ({@code SET … NX}), so two
 * users on two nodes can never hold one nick, even when they race. The caller folds the nick with the
 * registry's case mapping first, so every node compares the same key. A claim is released only by its
 * owner (compare and delete, in one script), and each node keeps the set of its claims so that a survivor
 * can free a dead node's nicks at once ({@link #releaseNode}).
 *
 * <p>Keys: {@code chat:nick:<folded>} = {@code <node>/<owner>}; {@code chat:node:<node>:nicks} = the
 * folded nicks that node holds.
 */
public final class NickClaims {
    private static final String CLAIM = """
            if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
              redis.call('SADD', KEYS[2], ARGV[2])
              return 1
            end
            if redis.call('GET', KEYS[1]) == ARGV[1] then return 1 end
            return 0
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('DEL', KEYS[1])
              redis.call('SREM', KEYS[2], ARGV[2])
              return 1
            end
            return 0
            """;
    // frees every nick the node holds whose claim is still the node's (a nick released and claimed
    // elsewhere meanwhile is left alone); answers how many were freed
    private static final String RELEASE_NODE = """
            local freed = 0
            for _, nick in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              local key = 'chat:nick:' .. nick
              local owner = redis.call('GET', key)
              if owner and string.sub(owner, 1, string.len(ARGV[1])) == ARGV[1] then
                redis.call('DEL', key)
                freed = freed + 1
              end
            end
            redis.call('DEL', KEYS[1])
            return freed
            """;

    private final RedisLink redis;
    private final String node;

    public NickClaims(RedisLink redis, String node) {
        this.redis = redis;
        this.node = node;
    }

    /** True if {@code owner} (a user of this node) now holds {@code folded}, false if someone else does. */
    public CompletableFuture<Boolean> claim(String folded, String owner) {
        return redis.evalLong(CLAIM, new String[] {nickKey(folded), nodeKey(node)}, value(owner), folded)
                .thenApply(n -> n == 1);
    }

    /** Frees {@code folded} if {@code owner} holds it; false if it was not theirs (or free already). */
    public CompletableFuture<Boolean> release(String folded, String owner) {
        return redis.evalLong(RELEASE, new String[] {nickKey(folded), nodeKey(node)}, value(owner), folded)
                .thenApply(n -> n == 1);
    }

    /** Who holds {@code folded} ({@code node/owner}), or null if nobody does. */
    public CompletableFuture<String> holder(String folded) {
        return redis.async().get(nickKey(folded)).toCompletableFuture();
    }

    /** Frees every nick {@code deadNode} still holds; answers how many. */
    public CompletableFuture<Long> releaseNode(String deadNode) {
        return redis.evalLong(RELEASE_NODE, new String[] {nodeKey(deadNode)}, deadNode + "/");
    }

    private String value(String owner) {
        return node + "/" + owner;
    }

    private static String nickKey(String folded) {
        return "chat:nick:" + folded;
    }

    private static String nodeKey(String node) {
        return "chat:node:" + node + ":nicks";
    }
}
