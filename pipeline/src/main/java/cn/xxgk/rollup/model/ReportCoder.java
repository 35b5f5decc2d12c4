package cn.xxgk.rollup.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Explicit, deterministic coder for {@link Report}. An inferred SerializableCoder made the
 * DirectRunner several times slower, so every model type has a hand-written coder.
 */
public final class ReportCoder extends CustomCoder<Report> {
  private static final ReportCoder INSTANCE = new ReportCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final VarIntCoder INT = VarIntCoder.of();
  private static final DecimalCoder DECIMAL = DecimalCoder.of();
  private static final CellStatus[] STATUSES = CellStatus.values();

  public static ReportCoder of() {
    return INSTANCE;
  }

  /** One length-prefixed block per report ({@link ByteBlock}). */
  @Override
  public void encode(Report r, OutputStream runnerOut) throws IOException {
    ByteBlock out = new ByteBlock(2048);
    encodeFields(r, out);
    out.writeTo(runnerOut);
  }

  @Override
  public Report decode(InputStream runnerIn) throws IOException {
    return decodeFields(ByteBlock.read(runnerIn));
  }

  private static void encodeFields(Report r, OutputStream out) throws IOException {
    STRING.encode(r.sourceFile(), out);
    STRING.encode(r.agencyName(), out);
    STRING.encode(r.agencyId(), out);
    STRING.encode(r.category(), out);
    out.write(r.aggregate() ? 1 : 0);
    INT.encode(r.year(), out);
    NULLABLE_INT.encode(r.periodYear(), out);
    STRING.encode(r.sourceForm().code(), out);
    STRING.encode(r.templateVersion(), out);
    int n = r.cellCount();
    INT.encode(n, out);
    for (int i = 0; i < n; i++) {
      CellStatus s = r.status(i);
      out.write(s.ordinal());
      if (s == CellStatus.OK) {
        DECIMAL.encode(r.value(i), out);
      }
    }
    INT.encode(r.stated().size(), out);
    for (Map.Entry<String, List<BigDecimal>> e : r.stated().entrySet()) {
      STRING.encode(e.getKey(), out);
      INT.encode(e.getValue().size(), out);
      for (BigDecimal v : e.getValue()) {
        DECIMAL.encode(v, out);
      }
    }
    INT.encode(r.findings().size(), out);
    for (Finding f : r.findings()) {
      FindingCoder.of().encode(f, out);
    }
    Provenance p = r.provenance();
    STRING.encode(p.sha256(), out);
    VarLongCoder.of().encode(p.sizeBytes(), out);
    VarLongCoder.of().encode(p.lastModifiedMillis(), out);
    NULLABLE_INT.encode(p.revision(), out);
  }

  private static Report decodeFields(InputStream in) throws IOException {
    String sourceFile = STRING.decode(in);
    String agency = STRING.decode(in);
    String agencyId = STRING.decode(in);
    String category = STRING.decode(in);
    boolean aggregate = in.read() == 1;
    int year = INT.decode(in);
    Integer periodYear = NULLABLE_INT.decode(in);
    SourceForm form = SourceForm.fromCode(STRING.decode(in));
    String template = STRING.decode(in);
    int n = INT.decode(in);
    CellStatus[] statuses = new CellStatus[n];
    BigDecimal[] values = new BigDecimal[n];
    for (int i = 0; i < n; i++) {
      int ordinal = in.read();
      if (ordinal < 0) {
        throw new IOException("truncated report encoding");
      }
      statuses[i] = STATUSES[ordinal];
      if (statuses[i] == CellStatus.OK) {
        values[i] = DECIMAL.decode(in);
      }
    }
    int statedCount = INT.decode(in);
    Map<String, List<BigDecimal>> stated = new LinkedHashMap<>();
    for (int i = 0; i < statedCount; i++) {
      String id = STRING.decode(in);
      int count = INT.decode(in);
      List<BigDecimal> vs = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        vs.add(DECIMAL.decode(in));
      }
      stated.put(id, vs);
    }
    int findingCount = INT.decode(in);
    List<Finding> findings = new ArrayList<>(findingCount);
    for (int i = 0; i < findingCount; i++) {
      findings.add(FindingCoder.of().decode(in));
    }
    Provenance provenance = new Provenance(STRING.decode(in), VarLongCoder.of().decode(in),
        VarLongCoder.of().decode(in), NULLABLE_INT.decode(in));
    return new Report(sourceFile, agency, agencyId, category, aggregate, year, periodYear, form, template, statuses, values, stated, findings, provenance);
  }

  @Override
  public void verifyDeterministic() {}

  /** Nullable helpers shared by the other model coders. */
  static final NullableCoder<String> NULLABLE_STRING = NullableCoder.of(STRING);
  static final NullableCoder<Integer> NULLABLE_INT = NullableCoder.of(INT);
  static final DecimalCoder NULLABLE_DECIMAL = DECIMAL;
}
