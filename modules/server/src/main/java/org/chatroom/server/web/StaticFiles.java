package org.chatroom.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The web client's files, read from the jar once at start (never on an event loop) as listed in
 * {@code web/files.txt}. No build step means no hashed names, so every file carries a content
 * hash as its ETag and browsers revalidate ({@code no-cache}) and get 304 when nothing changed.
 */
final class StaticFiles {
    private static final String ROOT = "web/";

    record File(byte[] body, String contentType, String etag) {
    }

    private final Map<String, File> files = new HashMap<>();

    StaticFiles() {
        for (String name : read("files.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList()) {
            byte[] body = bytes(name);
            files.put("/" + name, new File(body, contentType(name), etag(body)));
        }
        File index = files.get("/index.html");
        if (index != null) {
            files.put("/", index);
        }
    }

    /** The file at {@code path} ({@code /} is the client), or null. */
    File get(String path) {
        return files.get(path);
    }

    private static String read(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("web client file missing from the jar: " + ROOT + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "json", "webmanifest" -> "application/json";
            default -> "application/octet-stream";
        };
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
