package org.chatroom.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path f = dir.resolve("chat-server.properties");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void defaultsAreSensible() {
        ServerConfig c = ServerConfig.defaults(Map.of());
        assertThat(c.port()).isEqualTo(6667);
        assertThat(c.get(ServerConfigKeys.DEFAULT_ROOM)).isEqualTo("#lobby");
        assertThat(c.get(ServerConfigKeys.MAX_LINE_BYTES)).isEqualTo(512);
        assertThat(c.get(ServerConfigKeys.PING_INTERVAL)).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.get(ServerConfigKeys.SERVER_PASSWORD)).isEmpty();
    }

    @Test
    void fileThenOverridesTakePrecedence() throws Exception {
        Path f = file("port=7000\nping.interval=2m\nserver.name=chat.example.org\n");
        ServerConfig c = ServerConfigLoader.load(f, Map.of("port", "7001"), dir);
        assertThat(c.port()).isEqualTo(7001);
        assertThat(c.get(ServerConfigKeys.PING_INTERVAL)).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.get(ServerConfigKeys.SERVER_NAME)).isEqualTo("chat.example.org");
        assertThat(c.path(ServerConfigKeys.MOTD_FILE)).isEqualTo(dir.resolve("conf/motd.txt").toAbsolutePath());
    }

    @Test
    void outOfRangePortNamesFileKeyValueAndRange() throws Exception {
        Path f = file("port=70000\n");
        assertThatThrownBy(() -> ServerConfigLoader.load(f, Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage(f + ": port=70000 is out of range (0-65535)");
    }

    @Test
    void storeUrlTakesSqliteOrPostgresButNeverAPassword() throws Exception {
        assertThat(ServerConfigLoader.load(file("store.url=jdbc:postgresql://db.example.org:5433/chat\n"), Map.of(), dir)
                .get(ServerConfigKeys.STORE_URL)).isEqualTo("jdbc:postgresql://db.example.org:5433/chat");
        Path secret = file("store.url=jdbc:postgresql://db/chat?ssl=true&Password=hunter2\n");
        assertThatThrownBy(() -> ServerConfigLoader.load(secret, Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage(secret + ": store.url carries a password; put it in the file named by store.password.file"
                        + " instead, so it is in no URL, log or command line")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        Path mysql = file("store.url=jdbc:mysql://db/chat\n");
        assertThatThrownBy(() -> ServerConfigLoader.load(mysql, Map.of(), dir))
                .hasMessage(mysql + ": store.url=jdbc:mysql://db/chat is not a database URL we know (jdbc:sqlite:FILE,"
                        + " jdbc:postgresql://HOST[:PORT]/DATABASE; empty = data.dir/chatroom.db)");
    }

    @Test
    void unknownKeySuggestsTheClosestOne() throws Exception {
        Path f = file("max.client=5\n");
        assertThatThrownBy(() -> ServerConfigLoader.load(f, Map.of(), dir))
                .hasMessage(f + ": unknown key 'max.client' (did you mean 'max.clients'?)");
        assertThatThrownBy(() -> ServerConfigLoader.load(file("zzzzzz=1\n"), Map.of(), dir))
                .hasMessageEndingWith("unknown key 'zzzzzz'");
    }

    @Test
    void malformedValuesSayWhatIsAllowed() throws Exception {
        assertThatThrownBy(() -> ServerConfigLoader.load(file("ping.interval=soon\n"), Map.of(), dir))
                .hasMessageContaining("ping.interval=soon is not a duration");
        assertThatThrownBy(() -> ServerConfigLoader.load(file("bind=example.org\n"), Map.of(), dir))
                .hasMessageContaining("bind=example.org is not an IP address");
        assertThatThrownBy(() -> ServerConfigLoader.load(file("admin.enabled=maybe\n"), Map.of(), dir))
                .hasMessageContaining("admin.enabled=maybe is not a boolean (true or false)");
        assertThatThrownBy(() -> ServerConfigLoader.load(file("room.default=lobby\n"), Map.of(), dir))
                .hasMessageContaining("room.default=lobby is not a room name");
        assertThatThrownBy(() -> ServerConfigLoader.load(file("server.password=hunter2\n"), Map.of(), dir))
                .hasMessageContaining("server.password=hunter2 is not a password hash");
    }

    @Test
    void anEmptyDefaultRoomIsAllowedAndMeansNone() throws Exception {
        assertThat(ServerConfigLoader.load(file("room.default=\n"), Map.of(), dir).get(ServerConfigKeys.DEFAULT_ROOM))
                .isEmpty();
    }

    @Test
    void badOverrideIsBlamedOnTheCommandLine() throws Exception {
        Path f = file("");
        assertThatThrownBy(() -> ServerConfigLoader.load(f, Map.of("port", "x"), dir))
                .hasMessage("command line: port=x is not a whole number (0-65535)");
        assertThatThrownBy(() -> ServerConfigLoader.load(f, Map.of("prot", "1"), dir))
                .hasMessage("command line: unknown key 'prot' (did you mean 'port'?)");
    }

    @Test
    void aBadValueTheCommandLineOverridesIsStillAnError() throws Exception {
        Path f = file("port=70000\n");
        assertThatThrownBy(() -> ServerConfigLoader.load(f, Map.of("port", "0"), dir))
                .hasMessage(f + ": port=70000 is out of range (0-65535) (the command line overrides port, but the file"
                        + " is checked too)");
        assertThat(ServerConfigLoader.load(file("port=7000\n"), Map.of("port", "0"), dir).masked())
                .containsExactly("port");
    }

    @Test
    void loopbackIsNotExemptByDefault() {
        ServerConfig c = ServerConfig.defaults(Map.of());
        assertThat(c.get(ServerConfigKeys.FLOOD_EXEMPT)).isEmpty();
        assertThat(c.get(ServerConfigKeys.LIMITS_EXEMPT)).isEmpty();
    }

    @Test
    void missingFileIsOneLine() {
        Path f = dir.resolve("nope.properties");
        assertThatThrownBy(() -> ServerConfigLoader.load(f, Map.of(), dir))
                .hasMessage(f + ": no such file (give another with --config FILE)");
    }

    @Test
    void shippedFileListsEveryKeyWithItsDefault() throws Exception {
        Path shipped = Path.of("../../conf/chat-server.properties");
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(shipped)) {
            p.load(r);
        }
        for (ConfigKey<?> key : ServerConfigKeys.all().values()) {
            assertThat(p.getProperty(key.name())).as(key.name()).isEqualTo(key.defaultValue());
        }
        assertThat(p.stringPropertyNames()).hasSameSizeAs(ServerConfigKeys.all().keySet());
        ServerConfigLoader.load(shipped, Map.of(), Path.of("../.."));
    }
}
