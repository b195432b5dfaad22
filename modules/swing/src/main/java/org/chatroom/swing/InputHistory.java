package org.chatroom.swing;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user sent, for Up/Down recall like a shell: Up goes back, Down forward, and past the newest
 * entry returns the line that was being typed before recalling started.
 */
final class InputHistory {
    private final int capacity;
    private final List<String> entries = new ArrayList<>();
    private int position;
    private String draft = "";

    InputHistory(int capacity) {
        this.capacity = capacity;
    }

    void add(String line) {
        if (!line.isBlank() && (entries.isEmpty() || !entries.get(entries.size() - 1).equals(line))) {
            entries.add(line);
            if (entries.size() > capacity) {
                entries.remove(0);
            }
        }
        position = entries.size();
        draft = "";
    }

    /** The previous entry, or null when there is none; {@code current} is kept as the draft. */
    String previous(String current) {
        if (position == 0) {
            return null;
        }
        if (position == entries.size()) {
            draft = current;
        }
        return entries.get(--position);
    }

    /** The next entry, the draft past the newest, or null when not recalling. */
    String next() {
        if (position >= entries.size()) {
            return null;
        }
        position++;
        return position == entries.size() ? draft : entries.get(position);
    }

    List<String> entries() {
        return List.copyOf(entries);
    }
}
