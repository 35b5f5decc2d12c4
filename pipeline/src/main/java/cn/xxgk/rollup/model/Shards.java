package cn.xxgk.rollup.model;

/**
 * Coarse shards for grouping. Steps that group by a fine key (an agency, an agency-year) group by
 * the key's shard instead and regroup in memory: every shuffle then has a few keys each fed by
 * large bundles, and the steps after it see large bundles too. (Keyed by the fine key, the
 * DirectRunner delivered one element per bundle downstream and its per-key state copying made
 * the gathering steps quadratic in the number of reports.)
 */
public final class Shards {
  /** How many shards; enough to keep every core busy on one machine or a small cluster. */
  public static final int COUNT = 32;

  private Shards() {}

  public static int of(String key) {
    return Math.floorMod(key.hashCode(), COUNT);
  }
}
