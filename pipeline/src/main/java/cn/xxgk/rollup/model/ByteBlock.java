package cn.xxgk.rollup.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.beam.sdk.util.VarInt;

/**
 * An unsynchronized growing byte array that coders encode an element into before handing the
 * runner's stream one length-prefixed block: the field coders write byte by byte, and the
 * runners' streams (synchronized, or wrapped several times) made those single bytes most of an
 * element's coding cost. {@link #read} is the other side.
 */
public final class ByteBlock extends OutputStream {
  private byte[] bytes;
  private int size;

  /** @param capacity the bytes a typical element takes, to grow it seldom */
  public ByteBlock(int capacity) {
    this.bytes = new byte[Math.max(16, capacity)];
  }

  @Override
  public void write(int b) {
    if (size == bytes.length) {
      bytes = Arrays.copyOf(bytes, size * 2);
    }
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (size + len > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + len));
    }
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  /** Writes the block, its length first, to the runner's stream. */
  public void writeTo(OutputStream runnerOut) throws IOException {
    VarInt.encode(size, runnerOut);
    runnerOut.write(bytes, 0, size);
  }

  /** Reads one block that {@link #writeTo} wrote, as an unsynchronized stream. */
  public static InputStream read(InputStream runnerIn) throws IOException {
    int size = VarInt.decodeInt(runnerIn);
    byte[] block = runnerIn.readNBytes(size);
    if (block.length != size) {
      throw new IOException("truncated block: " + block.length + " of " + size + " bytes");
    }
    return new ByteArrayInputStream(block) {
      @Override
      public int read() {
        return pos < count ? buf[pos++] & 0xff : -1;
      }
    };
  }
}
