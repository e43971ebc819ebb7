package vn.phendau.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Where bytes stop being UTF-8: the line and column (from 1, in characters) of the first bad byte, and that byte.
 * The one locator for a body held in memory and for a list spooled to a file, read in blocks either way.
 */
public record NotUtf8(long line, long column, int badByte) {

    /** The byte as the problem names it, for example 0xC3. */
    public String bad() {
        return String.format("0x%02X", badByte);
    }

    /**
     * The first NUL byte among the first four, or -1. Text saved in UTF-16 or UTF-32 (as Windows tools often save
     * it) opens with one, where JSON or CSV in UTF-8 never does, though a NUL is UTF-8: such a text is refused as
     * not UTF-8 at that byte, rather than read as the characters it is not.
     */
    public static int wideAt(byte[] bytes, int from, int to) {
        for (int i = from; i < Math.min(from + 4, to); i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The first place the bytes are not UTF-8 text, or null when they all are. */
    public static NotUtf8 find(ReadableByteChannel channel) throws IOException {
        CharsetDecoder decoder = VietnameseText.strictUtf8();
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        long column = 1;
        boolean eof = false;
        while (in.position() < 4 && !eof) {
            eof = channel.read(in) < 0;
        }
        int nul = wideAt(in.array(), 0, in.position());
        if (nul >= 0) {
            return new NotUtf8(1, nul + 1, 0);
        }
        do {
            eof = eof || channel.read(in) < 0;
            in.flip();
            CoderResult result = decoder.decode(in, out, eof);
            out.flip();
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            out.clear();
            if (result.isError()) {
                return new NotUtf8(line, column, in.get(in.position()) & 0xff);
            }
            in.compact();
        } while (!eof);
        return null;
    }
}
