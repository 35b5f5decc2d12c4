package cn.xxgk.rollup.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** A parsed report that a later version of the same agency-year report replaced. */
public record Superseded(String sourceFile, String agencyId, String agencyName, int year, String replacedBy,
    String reason) {
  public static final Comparator<Superseded> ORDER = Comparator.comparing(Superseded::sourceFile);

  /** Explicit, deterministic coder. */
  public static final class Coder extends CustomCoder<Superseded> {
    private static final StringUtf8Coder S = StringUtf8Coder.of();

    @Override
    public void encode(Superseded v, OutputStream out) throws IOException {
      S.encode(v.sourceFile(), out);
      S.encode(v.agencyId(), out);
      S.encode(v.agencyName(), out);
      VarIntCoder.of().encode(v.year(), out);
      S.encode(v.replacedBy(), out);
      S.encode(v.reason(), out);
    }

    @Override
    public Superseded decode(InputStream in) throws IOException {
      return new Superseded(S.decode(in), S.decode(in), S.decode(in), VarIntCoder.of().decode(in), S.decode(in),
          S.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
