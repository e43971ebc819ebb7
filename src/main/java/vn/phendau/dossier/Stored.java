package vn.phendau.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import vn.phendau.audit.Hashes;
import vn.phendau.common.Json;

/** How a dossier's parts are kept: the proposal's canonical hash, an answer's gzip, and an audit entry's content. */
public final class Stored {

    private Stored() {
    }

    /**
     * SHA-256 of the proposal's canonical form: object keys sorted, no spaces, numbers and strings as JSON writes
     * them. The same proposal sent with its fields in another order or laid out otherwise is the same proposal.
     */
    public static String proposalSha256(JsonNode proposal) {
        return Hashes.sha256(canonical(proposal));
    }

    static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        canonical(node, out);
        return out.toString();
    }

    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) node).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(Json.MAPPER.getNodeFactory().textNode(e.getKey()).toString()).append(':');
                canonical(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }

    /**
     * At zlib's fastest level: a 55 KB answer (sample 07's) deflates in about a third of the default level's time (0.3
     * to 0.4 against 0.9 to 1.0 ms) into a gzip a quarter larger (13.2 against 10.6 KB). At the default level the
     * deflate was about a third of a replay's CPU and the largest single cost of a filing (BENCHMARKS.md).
     */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream z = new FastGzip(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    public static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return z.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An audit entry's content for a stored assessment: the dossier, the version, the proposal and the answer as
     * stored. Recomputed from the rows by the verifier, so an edited proposal or answer breaks the chain.
     */
    public static String contentSha256(String projectId, int n, String proposalJson, byte[] answer, String kind, Long replayId) {
        return Hashes.sha256(projectId + "\n" + n + "\n" + Hashes.sha256(proposalJson) + "\n" + Hashes.sha256(answer) + "\n"
                + kind + "\n" + (replayId == null ? "" : replayId));
    }
}
