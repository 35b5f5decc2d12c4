package cn.xxgk.rollup.model;

import java.io.Serializable;
import java.util.List;

/**
 * An agency of the registry. {@code aggregate} is true for a report that states totals for a
 * whole area (a city government's city-wide report): its children point to it through
 * {@code parentId}, and it is reconciled with them, never added to sums.
 */
public record Agency(String agencyId, String agencyName, List<String> aliases, String category,
    String parentId, boolean aggregate) implements Serializable {}
