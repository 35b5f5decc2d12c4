package cn.xxgk.rollup.model;

import java.io.Serializable;

/**
 * Coarse shards for grouping. Steps that group by a fine key (an agency, an agency-year) group by
 * the key's shard instead and regroup in memory: every shuffle then has a few keys each fed by
 * large bundles, and the steps after it see large bundles too. (Keyed by the fine key, the
 * DirectRunner delivered one element per bundle downstream and its per-key state copying made
 * the gathering steps quadratic in the number of reports.) The count bounds the parallelism of
 * the grouped steps, and on the DirectRunner each shard's state is copied once per arriving
 * bundle, so fewer is cheaper there: {@code --shards} chooses it; outputs do not depend on it.
 */
public record Shards(int count) implements Serializable {
  public Shards {
    if (count < 1) {
      throw new IllegalArgumentException("--shards must be at least 1, not " + count);
    }
  }

  public int of(String key) {
    return Math.floorMod(key.hashCode(), count);
  }
}
