package cn.xxgk.rollup.ingest.text;

import java.text.Normalizer;

/**
 * Text seen two ways: {@code raw} (NFKC, as printed) and {@code key} (raw without spaces and
 * punctuation, the form labels are searched in), with a map from key positions back to raw ones.
 * Crawler text breaks labels with stray spaces; searching the key finds them anyway, and the raw
 * text still shows where the digits and the spaces between them are.
 */
final class KeyedText {
  final String raw;
  final String key;
  private final int[] keyToRaw;

  KeyedText(String text) {
    this.raw = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u00a0', ' ').replace('\u3000', ' ');
    StringBuilder k = new StringBuilder(raw.length());
    int[] map = new int[raw.length() + 1];
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c) || Labels.isNoise(c)) {
        continue;
      }
      map[k.length()] = i;
      k.append(c);
    }
    map[k.length()] = raw.length();
    this.key = k.toString();
    this.keyToRaw = map;
  }

  /** The raw position of a key position (the key's end maps to the raw end). */
  int raw(int keyPos) {
    return keyToRaw[keyPos];
  }

  /** The raw position just after the key character before {@code keyEnd}. */
  int rawEnd(int keyEnd) {
    return keyEnd == 0 ? 0 : keyToRaw[keyEnd - 1] + 1;
  }
}
