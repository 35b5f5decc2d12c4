package cn.xxgk.rollup.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangesTest {
  @TempDir Path work;

  private Path run(String name, String metrics, String rankings) throws Exception {
    Path dir = Files.createDirectories(work.resolve(name).resolve("csv"));
    Files.writeString(dir.resolve("metrics.csv"), "\ufeffsource_file,agency_id,agency_name,category,year,table,item,applicant,value,status\r\n" + metrics);
    Files.writeString(dir.resolve("rankings.csv"), "\ufeffyear,scope,agency_id,agency_name,indicator,value,rank,rank_of,percentile,direction,eligible\r\n" + rankings);
    return dir.getParent();
  }

  @Test
  void cellsStatusesAndRanksThatMoved() throws Exception {
    Path before = run("before",
        "a.txt,a,甲局,x,2024,3,granted,total,5,ok\r\nb.txt,b,乙局,x,2024,3,granted,total,7,ok\r\n",
        "2024,city,a,甲局,disclosure_rate,0.5,2,2,0,higher_is_better,true\r\n2024,city,b,乙局,disclosure_rate,0.7,1,2,100,higher_is_better,true\r\n");
    Path after = run("after",
        "a.txt,a,甲局,x,2024,3,granted,total,9,ok\r\nb.txt,b,乙局,x,2024,3,granted,total,,blank\r\n",
        "2024,city,a,甲局,disclosure_rate,0.9,1,2,100,higher_is_better,true\r\n2024,city,b,乙局,disclosure_rate,,,1,,higher_is_better,false\r\n");
    List<String> changes = Changes.compute(before, after).stream()
        .map(c -> c.kind() + " " + c.agencyId() + " " + c.item() + " " + c.oldValue() + "->" + c.newValue()
            + (c.oldStatus() == null ? "" : " " + c.oldStatus() + "->" + c.newStatus()))
        .toList();
    assertEquals(List.of("cell a granted 5->9 ok->ok", "cell b granted 7->null ok->blank",
        "rank a disclosure_rate 2->1", "rank b disclosure_rate 1->null"), changes);
    assertEquals(List.of(), Changes.compute(null, after));
  }
}
