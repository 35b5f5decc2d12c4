package cn.xxgk.rollup.model;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * An agency name as compared: width, whitespace and punctuation normalised away. Reports are
 * matched to registry names and aliases by it, and without a registry it identifies an agency.
 */
public final class AgencyKey {
  private static final Pattern DROP = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]");

  private AgencyKey() {}

  public static String of(String agencyName) {
    return DROP.matcher(Normalizer.normalize(agencyName, Normalizer.Form.NFKC)).replaceAll("");
  }
}
