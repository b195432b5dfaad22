package org.chatroom.server.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chatroom.protocol.CaseMapping;

/**
 * Who MONITORs which nick (IRCv3 monitor): each user's list, bounded by {@link #LIMIT}, and the
 * reverse index from a nick to its watchers. Changes run under the {@link ChatRegistry} lock, as
 * do the notices of a nick coming and going, so "add, then see whether it is online" and "come
 * online, then tell the watchers" never miss each other. Reads of the index are lock-free.
 */
public final class MonitorRegistry {
    /** Most nicks one user may monitor (005 {@code MONITOR=}). */
    public static final int LIMIT = 100;

    private final CaseMapping mapping;
    private final Object lock;
    private final Map<String, Set<Client>> watchers = new ConcurrentHashMap<>();
    private final Map<Client, Map<String, String>> lists = new ConcurrentHashMap<>(); // folded -> as typed

    MonitorRegistry(CaseMapping mapping, Object lock) {
        this.mapping = mapping;
        this.lock = lock;
    }

    /** Adds {@code nick} to {@code watcher}'s list; false when the list is full (a nick already there is fine). */
    public boolean add(Client watcher, String nick) {
        String key = mapping.fold(nick);
        synchronized (lock) {
            Map<String, String> list = lists.computeIfAbsent(watcher, w -> new LinkedHashMap<>());
            if (!list.containsKey(key) && list.size() >= LIMIT) {
                return false;
            }
            list.put(key, nick);
            watchers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(watcher);
            return true;
        }
    }

    public void remove(Client watcher, String nick) {
        String key = mapping.fold(nick);
        synchronized (lock) {
            Map<String, String> list = lists.get(watcher);
            if (list != null && list.remove(key) != null) {
                unwatch(key, watcher);
            }
        }
    }

    /** Empties {@code watcher}'s list (MONITOR C, and when it quits). */
    public void clear(Client watcher) {
        synchronized (lock) {
            Map<String, String> list = lists.remove(watcher);
            if (list != null) {
                list.keySet().forEach(key -> unwatch(key, watcher));
            }
        }
    }

    private void unwatch(String key, Client watcher) {
        Set<Client> set = watchers.get(key);
        if (set != null) {
            set.remove(watcher);
            if (set.isEmpty()) {
                watchers.remove(key);
            }
        }
    }

    /** {@code watcher}'s list, as typed, in the order added. */
    public List<String> list(Client watcher) {
        synchronized (lock) {
            Map<String, String> list = lists.get(watcher);
            return list == null ? List.of() : List.copyOf(list.values());
        }
    }

    /** Who monitors {@code nick}: a snapshot. */
    public Set<Client> watchersOf(String nick) {
        Set<Client> set = watchers.get(mapping.fold(nick));
        return set == null ? Set.of() : Set.copyOf(set);
    }
}
