package cn.xxgk.rollup.validate;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Which reports are of the same agency, until the agency registry exists: the same printed name
 * after normalising width, whitespace and punctuation.
 */
public final class AgencyKey {
  private static final Pattern DROP = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]");

  private AgencyKey() {}

  public static String of(String agencyName) {
    return DROP.matcher(Normalizer.normalize(agencyName, Normalizer.Form.NFKC)).replaceAll("");
  }
}
