package cn.xxgk.rollup.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes report bytes to text by content: a BOM decides UTF-8/UTF-16; otherwise strict UTF-8,
 * then strict GB18030 (a superset of GBK, common for files saved on Chinese Windows). Anything
 * else is rejected rather than parsed as mojibake.
 */
public final class TextDecoder {
  private static final Charset GB18030 = Charset.forName("GB18030");

  private TextDecoder() {}

  /** The decoded text and the charset that decoded it. */
  public record Decoded(String text, String charset) {}

  public static Decoded decode(byte[] bytes) throws RejectException {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8), "UTF-8");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE), "UTF-16LE");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE), "UTF-16BE");
    }
    int nul = indexOf(bytes, (byte) 0);
    if (nul >= 0) {
      throw RejectException.of("binary_file", "detail", "NUL byte at offset " + nul);
    }
    try {
      return new Decoded(decodeStrict(bytes, 0, StandardCharsets.UTF_8), "UTF-8");
    } catch (CharacterCodingException notUtf8) {
      try {
        return new Decoded(decodeStrict(bytes, 0, GB18030), "GB18030");
      } catch (CharacterCodingException notGb) {
        throw RejectException.of("undecodable_text", "detail", "invalid byte sequences for UTF-8 and GB18030");
      }
    }
  }

  private static String strict(byte[] bytes, int offset, Charset charset) throws RejectException {
    try {
      return decodeStrict(bytes, offset, charset);
    } catch (CharacterCodingException e) {
      throw RejectException.of("undecodable_text", "detail", "byte-order mark says " + charset.name() + " but the content is not valid " + charset.name());
    }
  }

  private static String decodeStrict(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
