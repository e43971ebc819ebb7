package vn.phendau.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import vn.phendau.problem.ProblemException;

/** Reading a request body within its limit, and refusing content types the endpoint cannot read. */
public final class Bodies {

    private Bodies() {
    }

    public static void requireJson(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!(type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json")))) {
            throw ProblemException.unsupportedMediaType(type.isEmpty() ? "(none)" : type, "application/json");
        }
    }

    /** 413: the body (read or announced) is over the limit. */
    public static ProblemException tooLarge(long limit) {
        return ProblemException.tooLarge("$", "nội dung vượt giới hạn " + limit + " byte",
                "the body is over the limit of " + limit + " bytes");
    }

    /** The body, or 413 as soon as it passes the limit: a large body is never read whole into memory. */
    public static byte[] read(InputStream in, long limit) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            // The client went away or broke off mid-body: its request, not the service, is what failed.
            throw ProblemException.invalid(java.util.List.of(vn.phendau.problem.Problem.at("$",
                    "không đọc hết được nội dung yêu cầu", "the request body could not be read to its end")));
        }
    }
}
