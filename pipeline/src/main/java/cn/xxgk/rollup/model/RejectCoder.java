package cn.xxgk.rollup.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** Explicit, deterministic coder for {@link Reject}. */
public final class RejectCoder extends CustomCoder<Reject> {
  private static final RejectCoder INSTANCE = new RejectCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();

  public static RejectCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Reject r, OutputStream out) throws IOException {
    STRING.encode(r.sourceFile(), out);
    STRING.encode(r.reasonCode(), out);
    STRING.encode(r.messageZh(), out);
    STRING.encode(r.messageEn(), out);
  }

  @Override
  public Reject decode(InputStream in) throws IOException {
    return new Reject(STRING.decode(in), STRING.decode(in), STRING.decode(in), STRING.decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
