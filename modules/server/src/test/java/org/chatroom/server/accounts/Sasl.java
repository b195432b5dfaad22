package org.chatroom.server.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The PLAIN payload a client sends: authzid NUL authcid NUL password, base64. */
public final class Sasl {
    private Sasl() {
    }

    public static String plain(String authzid, String account, String password) {
        return Base64.getEncoder().encodeToString((authzid + "\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }
}
