package org.chatroom.console;

import java.util.function.Supplier;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;

/**
 * Keeps the prompt of a running {@code readLine} up to date from any thread. The prompt is always set
 * by a widget, and widgets run under the reader's lock while it reads: {@link #refresh()} calls it
 * directly when a read is in progress, and {@code callback-init} calls it at the start of every read,
 * after the reader marked itself as reading. So a change that arrives between two reads (where a
 * direct call is refused) is still picked up by the next read: there is no window in which it is lost.
 */
final class LivePrompt {
    static final String WIDGET = "chat-refresh-prompt";

    private final LineReaderImpl reader;
    private final Supplier<String> prompt;

    /**
     * @param reader the reader (JLine's public interface has no setPrompt, so the one implementation it
     *               builds is required, and refused loudly if it ever changes)
     */
    LivePrompt(LineReader reader, Supplier<String> prompt) {
        if (!(reader instanceof LineReaderImpl impl)) {
            throw new IllegalArgumentException("the prompt needs JLine's LineReaderImpl, not " + reader.getClass().getName());
        }
        this.reader = impl;
        this.prompt = prompt;
        reader.getWidgets().put(WIDGET, this::applyAndRedraw);
        reader.getWidgets().put(LineReader.CALLBACK_INIT, this::apply); // readLine redraws right after it
    }

    /** Shows the current prompt now if a read is running, else at the start of the next one. */
    void refresh() {
        try {
            reader.callWidget(WIDGET);
        } catch (IllegalStateException notReading) {
            // callback-init sets it when the next readLine starts
        }
    }

    private boolean apply() {
        reader.setPrompt(prompt.get());
        return true;
    }

    private boolean applyAndRedraw() {
        apply();
        reader.callWidget(LineReader.REDRAW_LINE);
        reader.callWidget(LineReader.REDISPLAY);
        return true;
    }
}
