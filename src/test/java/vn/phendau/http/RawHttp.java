package vn.phendau.http;

import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Requests no well-behaved client library would send, written byte by byte to the service's port. */
final class RawHttp {

    private RawHttp() {
    }

    /** Only the head of a POST that announces a body of the given length: an honest client waiting for the answer. */
    static String postHead(String path, long contentLength) throws Exception {
        return send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\nConnection: close\r\n\r\n");
    }

    /** Sends these exact bytes and reads one complete answer (or fails after 15 s). */
    static String send(String request) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65536];
            StringBuilder text = new StringBuilder();
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (complete(text)) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no complete answer in time; got: " + text, e);
            }
            return text.toString();
        }
    }

    /** A complete response: the head, and as many body bytes as its Content-Length says (or a last chunk). */
    private static boolean complete(StringBuilder text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase();
        int at = head.indexOf("content-length:");
        if (at >= 0) {
            int length = Integer.parseInt(head.substring(at + 15).split("\r\n")[0].strip());
            return text.substring(end + 4).getBytes(StandardCharsets.UTF_8).length >= length;
        }
        return head.contains("chunked") && text.indexOf("\r\n0\r\n\r\n", end) >= 0;
    }
}
