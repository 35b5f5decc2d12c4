package cn.xxgk.rollup.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LexersTest {
  @Test
  void webTextRowsAreBlocksAndTabsStartCells() {
    String text = "三、收到和处理政府信息公开申请情况\n\n\t自然人\n\t商业\n企业\n\t总计\n\n\t（一）予以公开\n\t17\n\t\u3000\u30001\n\t\n";
    List<TextLine> lines = Lexers.webText(text);
    assertEquals(List.of("三、收到和处理政府信息公开申请情况"), texts(lines.get(0)));
    assertEquals(List.of("自然人", "商业企业", "总计"), texts(lines.get(1)));
    assertEquals(List.of("(一)予以公开", "17", "1", ""), texts(lines.get(2)));
    assertEquals(CellText.Kind.EMPTY, lines.get(2).cells().get(3).kind());
  }

  @Test
  void webTextParagraphsDoNotSwallowTheNextHeading() {
    List<TextLine> lines = Lexers.webText("第一段很长的正文，说明本年度的工作情况。\n二、主动公开政府信息情况\n");
    assertEquals(2, lines.size());
  }

  @Test
  void layoutTextSplitsOnGapsGluesSingleSpacedWordsAndDropsPageFooters() {
    String text = "本            2.其他法律行政法规禁止公开     30   1 0\n          -4-\n"
        + "   5.要求行政机关确认或重 新出具     0\n\f— 5 —\n";
    List<TextLine> lines = Lexers.layoutText(text);
    assertEquals(2, lines.size());
    assertEquals(List.of("本", "2.其他法律行政法规禁止公开", "30", "1", "0"), texts(lines.get(0)));
    assertEquals(List.of("5.要求行政机关确认或重新出具", "0"), texts(lines.get(1)));
    assertEquals(1, lines.get(0).lineNo());
  }

  private static List<String> texts(TextLine line) {
    return line.cells().stream().map(TextCell::text).collect(Collectors.toList());
  }
}
