package cn.xxgk.rollup.ingest.text;

/** One cell of a lexed line: its normalized text and kind. */
public record TextCell(String text, CellText.Kind kind) {
  public static TextCell of(String raw) {
    String n = CellText.normalize(raw);
    return new TextCell(n, CellText.kind(n));
  }
}
