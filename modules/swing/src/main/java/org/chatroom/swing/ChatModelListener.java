package org.chatroom.swing;

/** What the view hears from the {@link ChatModel}; every call is on the UI thread. */
interface ChatModelListener {
    void conversationAdded(Conversation c, int index);

    void conversationRemoved(Conversation c);

    /** Name, topic, members or unread count changed. */
    void conversationChanged(Conversation c);

    /** A line was added; {@code dropped} old lines were removed first-in to respect the cap. */
    void lineAdded(Conversation c, ChatLine line, int dropped);

    /** An older page of history was put above the first line of {@code c}. */
    default void linesPrepended(Conversation c, java.util.List<ChatLine> lines) {
    }

    void selectionChanged(Conversation c);

    /** The status bar text, the banner or our nick changed. */
    void connectionChanged(ChatModel model);
}
