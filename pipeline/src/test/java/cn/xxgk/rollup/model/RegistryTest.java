package cn.xxgk.rollup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

class RegistryTest {
  @Test
  void aRegistryCarriedInAStepMatchesAsTheDriversDoes() throws Exception {
    // the samples' registry, as the pipeline's steps carry it (serialized into their DoFns)
    String text = Files.readString(Path.of("../registry/agencies.csv"), StandardCharsets.UTF_8);
    Registry registry = Registry.parse("agencies.csv", text);
    Registry carried = SerializableUtils.clone(registry);

    assertEquals(registry, carried);
    assertEquals(registry.source(), carried.source());
    for (Agency a : registry.agencies()) {
      assertEquals(a, carried.match(a.agencyName()));
      for (String alias : a.aliases()) {
        assertEquals(a, carried.match(alias));
      }
      assertEquals(a, carried.byId(a.agencyId()));
      assertEquals(registry.children(a.agencyId()), carried.children(a.agencyId()));
    }
    assertNull(carried.match("不存在的机关"));
    assertEquals(List.of(), SerializableUtils.clone(Registry.none()).agencies());
  }
}
