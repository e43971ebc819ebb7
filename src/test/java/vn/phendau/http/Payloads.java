package vn.phendau.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Request bodies for the HTTP tests: files under src/test/resources/http/, and the shipped samples. */
public final class Payloads {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final Path SAMPLE = Path.of("samples", "01-lang-son-duong-cua-khau-tan-thanh.json");

    private Payloads() {
    }

    /** The exact bytes of a file under src/test/resources/http/, e.g. "invalid/malformed.json". */
    public static byte[] bytes(String name) {
        try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream("http/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource http/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] sample() {
        try {
            return Files.readAllBytes(SAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under src/test/resources/http/ as a tree, to vary one field. */
    public static ObjectNode tree(String name) {
        try {
            return (ObjectNode) MAPPER.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] json(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The minimal valid proposal with its province replaced. */
    public static byte[] withProvince(String province) {
        ObjectNode p = tree("valid/minimal.json");
        ((ObjectNode) p.get("location")).put("province", province);
        return json(p);
    }
}
