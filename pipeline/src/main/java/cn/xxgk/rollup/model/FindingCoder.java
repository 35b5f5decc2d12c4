package cn.xxgk.rollup.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** Explicit, deterministic coder for {@link Finding}. */
public final class FindingCoder extends CustomCoder<Finding> {
  private static final FindingCoder INSTANCE = new FindingCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();

  public static FindingCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Finding f, OutputStream out) throws IOException {
    STRING.encode(f.sourceFile(), out);
    ReportCoder.NULLABLE_STRING.encode(f.agencyId(), out);
    ReportCoder.NULLABLE_STRING.encode(f.agencyName(), out);
    ReportCoder.NULLABLE_STRING.encode(f.category(), out);
    ReportCoder.NULLABLE_INT.encode(f.year(), out);
    STRING.encode(f.ruleId(), out);
    STRING.encode(f.severity(), out);
    STRING.encode(f.cells(), out);
    ReportCoder.NULLABLE_DECIMAL.encode(f.expected(), out);
    ReportCoder.NULLABLE_DECIMAL.encode(f.actual(), out);
    ReportCoder.NULLABLE_DECIMAL.encode(f.difference(), out);
    STRING.encode(f.messageZh(), out);
    STRING.encode(f.messageEn(), out);
    out.write(f.waived() ? 1 : 0);
    ReportCoder.NULLABLE_STRING.encode(f.waiverReason(), out);
  }

  @Override
  public Finding decode(InputStream in) throws IOException {
    return new Finding(
        STRING.decode(in),
        ReportCoder.NULLABLE_STRING.decode(in),
        ReportCoder.NULLABLE_STRING.decode(in),
        ReportCoder.NULLABLE_STRING.decode(in),
        ReportCoder.NULLABLE_INT.decode(in),
        STRING.decode(in),
        STRING.decode(in),
        STRING.decode(in),
        ReportCoder.NULLABLE_DECIMAL.decode(in),
        ReportCoder.NULLABLE_DECIMAL.decode(in),
        ReportCoder.NULLABLE_DECIMAL.decode(in),
        STRING.decode(in),
        STRING.decode(in),
        in.read() == 1,
        ReportCoder.NULLABLE_STRING.decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
