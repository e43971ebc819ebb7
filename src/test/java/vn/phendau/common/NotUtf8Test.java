package vn.phendau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The first byte that is not UTF-8, found across the blocks it is read in, with its line and column in characters. */
class NotUtf8Test {

    private static NotUtf8 find(byte[] bytes) throws IOException {
        return NotUtf8.find(Channels.newChannel(new ByteArrayInputStream(bytes)));
    }

    @Test
    void utf8TextHasNoBadByte() throws IOException {
        assertNull(find("Đường Tân Thanh\r\nxã Mẫu Sơn\n".repeat(5000).getBytes(StandardCharsets.UTF_8)));
        assertNull(find(new byte[0]));
    }

    @Test
    void textSavedAsUtf16OrUtf32IsFoundAtItsFirstNulByte() throws IOException {
        String json = "[{\"id\":\"A\",\"name\":\"Đường\"}]";
        assertEquals(new NotUtf8(1, 2, 0), find(json.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(new NotUtf8(1, 1, 0), find(json.getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(new NotUtf8(1, 1, 0), find(json.getBytes(java.nio.charset.Charset.forName("UTF-32"))));
        assertEquals("0x00", find(json.getBytes(StandardCharsets.UTF_16LE)).bad());
    }

    @Test
    void aNulByteLaterInTheTextIsUtf8() throws IOException {
        // A row of control characters in a CSV is that row's problem, not the file's.
        assertNull(find("id,name\r\nA,B\r\n\u0000\u0001junk\r\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theLineAndColumnCountCharactersNotBytes() throws IOException {
        byte[] bytes = ("{\"a\": 1,\n\"tên\": \"Đ").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(bytes);
        b.write(0xFF);
        assertEquals(new NotUtf8(2, 10, 0xFF), find(b.toByteArray()));
        assertEquals("0xFF", find(b.toByteArray()).bad());
    }

    @Test
    void aCharacterSplitAcrossTwoBlocksIsNoProblemAndALaterBadByteIsFound() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("x".repeat((1 << 16) - 1).getBytes(StandardCharsets.UTF_8));
        b.write("Đ\nđ".getBytes(StandardCharsets.UTF_8));  // Đ's two bytes straddle the first block's end
        b.write(0xC3);                                      // a lead byte with no continuation, then a newline
        b.write('\n');
        assertEquals(new NotUtf8(2, 2, 0xC3), find(b.toByteArray()));
    }
}
