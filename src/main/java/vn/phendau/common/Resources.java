package vn.phendau.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the files the service ships under src/main/resources; it never reads ../shared at run time. */
public final class Resources {

    private Resources() {
    }

    public static byte[] bytes(String path) {
        return bytes(Thread.currentThread().getContextClassLoader(), path);
    }

    public static byte[] bytes(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }
}
