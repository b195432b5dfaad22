package org.chatroom.protocol;

/**
 * A message source split into its parts: {@code nick!user@host}. A server name has only a nick part.
 *
 * @param nick the nick or server name
 * @param user the user (ident) part, or null
 * @param host the host part, or null
 */
public record Prefix(String nick, String user, String host) {

    public static Prefix parse(String source) {
        int at = source.indexOf('@');
        String host = at < 0 ? null : source.substring(at + 1);
        String rest = at < 0 ? source : source.substring(0, at);
        int bang = rest.indexOf('!');
        String user = bang < 0 ? null : rest.substring(bang + 1);
        String nick = bang < 0 ? rest : rest.substring(0, bang);
        return new Prefix(nick, user, host);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(nick);
        if (user != null) {
            sb.append('!').append(user);
        }
        if (host != null) {
            sb.append('@').append(host);
        }
        return sb.toString();
    }
}
