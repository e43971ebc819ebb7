package vn.phendau.dossier;

import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.phendau.common.VietnameseText;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;

/** What a dossier request says besides its body (query parameters, headers), checked within bounds. */
public final class Params {

    static final int MAX_TEXT = 200;

    private Params() {
    }

    public static ProblemException invalid(String path, String vi, String en) {
        return new ProblemException(400, "invalid-parameter", "Tham số không hợp lệ", "Invalid parameter",
                List.of(Problem.at(path, vi, en)));
    }

    /**
     * A header's text: HTTP gives its bytes as ISO-8859-1, so UTF-8 sent as it is (curl -H 'X-Submitted-By: Sở …') is
     * read back from them; a value percent-encoded as UTF-8 (%E1%BB%9F) is decoded.
     */
    public static String utf8(String header) {
        String text = header;
        if (header.chars().allMatch(c -> c <= 0xFF)) {
            try {
                text = VietnameseText.strictUtf8().decode(java.nio.ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1)))
                        .toString();
            } catch (java.nio.charset.CharacterCodingException notUtf8) {
                text = header;
            }
        }
        if (text.matches(".*%[0-9A-Fa-f]{2}.*")) {
            try {
                text = java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) {
                // a % that is not an escape: the text as it came
            }
        }
        return text;
    }

    public static int page(String page) {
        return positive("page", page, 1, Integer.MAX_VALUE / 1000);
    }

    public static int size(String size, DossierConfig config) {
        return positive("size", size, config.pageSize(), config.maxPageSize());
    }

    public static int positive(String name, String value, int absent, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw invalid(name, "phải là số nguyên từ 1 đến " + max, "must be a whole number from 1 to " + max);
    }

    public static String text(String name, String value) {
        if (value != null && value.codePointCount(0, value.length()) > MAX_TEXT) {
            throw invalid(name, "tối đa " + MAX_TEXT + " ký tự", "at most " + MAX_TEXT + " characters");
        }
        return value;
    }
}
