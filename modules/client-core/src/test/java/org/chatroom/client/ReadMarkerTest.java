package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.chatroom.server.support.ChatServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** draft/read-marker through the client: one connection of an account marks a room read, the other hears it. */
@Timeout(60)
class ReadMarkerTest {
    @RegisterExtension
    final ChatServerExtension daemon = ChatServerExtension.plain();
    private final Clients clients = new Clients();

    @AfterEach
    void stop() {
        clients.close();
    }

    @Test
    void aMarkIsSharedByTheAccountsConnections() throws Exception {
        int port = daemon.start().port();
        EventLog first = new EventLog();
        ChatClient laptop = clients.client(clients.config(port, "mara")
                .credentials(new Credentials("mara", "long-enough-pw", true)).build(), first);
        laptop.connect().get(10, TimeUnit.SECONDS);
        EventLog second = new EventLog();
        ChatClient phone = clients.client(clients.config(port, "maraphone")
                .credentials(new Credentials("mara", "long-enough-pw", false)).build(), second);
        phone.connect().get(10, TimeUnit.SECONDS);

        Instant readUpTo = Instant.parse("2026-12-01T10:00:00.123Z");
        assertThat(laptop.markRead("#lobby", readUpTo)).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(second.of(ChatEvent.ReadMarker.class))
                .anySatisfy(r -> {
                    assertThat(r.target()).isEqualToIgnoringCase("#lobby");
                    assertThat(r.readUpTo()).isEqualTo(readUpTo);
                }));
    }
}
