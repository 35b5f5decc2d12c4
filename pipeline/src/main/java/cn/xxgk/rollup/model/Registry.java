package cn.xxgk.rollup.model;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The city's agencies ({@code --registry=FILE}, CSV in UTF-8 or GBK, header
 * agency_id,agency_name,aliases,category,parent_id,is_aggregate; aliases separated by |). Reports
 * are matched to agencies by name or alias after {@link AgencyKey} normalisation. Without a
 * registry every report is its own agency, identified by its normalised printed name.
 */
public final class Registry implements Serializable {
  public static final List<String> HEADER =
      List.of("agency_id", "agency_name", "aliases", "category", "parent_id", "is_aggregate");
  /** Category of a report matched to no registry agency. */
  public static final String UNKNOWN_CATEGORY = "unknown";
  /** agency_id prefix of an agency known only by its printed name. */
  public static final String NAME_ID_PREFIX = "name:";

  private final String source;
  private final List<Agency> agencies;
  private final Map<String, Agency> byKey;
  private final Map<String, Agency> byId;

  private Registry(String source, List<Agency> agencies) {
    this(source, agencies, keysOf(source, agencies));
  }

  private Registry(String source, List<Agency> agencies, Map<String, Agency> byKey) {
    this.source = source;
    this.agencies = List.copyOf(agencies);
    Map<String, Agency> ids = new LinkedHashMap<>();
    for (Agency a : agencies) {
      ids.put(a.agencyId(), a);
    }
    this.byKey = Collections.unmodifiableMap(byKey);
    this.byId = Collections.unmodifiableMap(ids);
  }

  /** Every name and alias, normalised, to its agency; a name of two agencies is refused. */
  private static Map<String, Agency> keysOf(String source, List<Agency> agencies) {
    Map<String, Agency> keys = new LinkedHashMap<>();
    for (Agency a : agencies) {
      List<String> names = new ArrayList<>(a.aliases());
      names.add(0, a.agencyName());
      for (String n : names) {
        Agency other = keys.put(AgencyKey.of(n), a);
        if (other != null && other != a) {
          throw new IllegalArgumentException("registry " + source + ": the name \"" + n + "\" belongs to both "
              + other.agencyId() + " and " + a.agencyId());
        }
      }
    }
    return keys;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Registry r && source.equals(r.source) && agencies.equals(r.agencies);
  }

  @Override
  public int hashCode() {
    return agencies.hashCode();
  }

  /**
   * Serialized as its source, agencies and normalised names (the index of each name's agency):
   * the steps that match reports to agencies carry the registry (small, read once in the driver)
   * in their DoFns, and the DirectRunner reads a DoFn again for every bundle, so reading it must
   * not normalise every name again.
   */
  private Object writeReplace() {
    Map<Agency, Integer> index = new java.util.IdentityHashMap<>();
    for (int i = 0; i < agencies.size(); i++) {
      index.put(agencies.get(i), i);
    }
    List<String> keys = new ArrayList<>(byKey.keySet());
    int[] owners = keys.stream().mapToInt(k -> index.get(byKey.get(k))).toArray();
    return new SerializedForm(source, agencies, keys, owners);
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
    throw new java.io.InvalidObjectException("a registry is read through its serialized form");
  }

  private record SerializedForm(String source, List<Agency> agencies, List<String> keys, int[] owners)
      implements Serializable {
    private Object readResolve() {
      Map<String, Agency> byKey = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        byKey.put(keys.get(i), agencies.get(owners[i]));
      }
      return new Registry(source, agencies, byKey);
    }
  }

  public static Registry none() {
    return new Registry("", List.of());
  }

  public boolean isEmpty() {
    return agencies.isEmpty();
  }

  public String source() {
    return source;
  }

  public List<Agency> agencies() {
    return agencies;
  }

  public Agency byId(String agencyId) {
    return byId.get(agencyId);
  }

  /** The agency a printed name belongs to, or null. */
  public Agency match(String printedName) {
    return byKey.get(AgencyKey.of(printedName));
  }

  /** The agency_id of a report: its registry agency's, else one derived from its printed name. */
  public String agencyIdOf(String printedName) {
    Agency a = match(printedName);
    return a != null ? a.agencyId() : NAME_ID_PREFIX + AgencyKey.of(printedName);
  }

  /** The registry agencies whose parent is the given agency. */
  public List<Agency> children(String agencyId) {
    return agencies.stream().filter(a -> agencyId.equals(a.parentId())).toList();
  }

  /** Parses a registry file's text; a malformed file is refused with the line named. */
  public static Registry parse(String source, String text) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).get();
    List<Agency> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (CSVParser parser = format.parse(new StringReader(text.startsWith("\ufeff") ? text.substring(1) : text))) {
      if (!parser.getHeaderNames().containsAll(HEADER)) {
        throw new IllegalArgumentException("registry " + source + ": header must be " + String.join(",", HEADER));
      }
      for (CSVRecord r : parser) {
        int line = (int) r.getRecordNumber() + 1;
        String id = r.get("agency_id").strip();
        if (id.isEmpty() || id.startsWith(NAME_ID_PREFIX) || !ids.add(id)) {
          throw new IllegalArgumentException("registry " + source + " line " + line
              + ": agency_id is empty, starts with " + NAME_ID_PREFIX + " or repeats: " + id);
        }
        String name = r.get("agency_name").strip();
        if (name.isEmpty()) {
          throw new IllegalArgumentException("registry " + source + " line " + line + ": agency_name is empty");
        }
        List<String> aliases = new ArrayList<>();
        for (String alias : r.get("aliases").split("\\|")) {
          if (!alias.isBlank()) {
            aliases.add(alias.strip());
          }
        }
        String aggregate = r.get("is_aggregate").strip().toLowerCase(java.util.Locale.ROOT);
        if (!aggregate.isEmpty() && !aggregate.equals("true") && !aggregate.equals("false")) {
          throw new IllegalArgumentException("registry " + source + " line " + line + ": is_aggregate must be true or false");
        }
        String category = r.get("category").strip();
        String parent = r.get("parent_id").strip();
        out.add(new Agency(id, name, List.copyOf(aliases), category.isEmpty() ? UNKNOWN_CATEGORY : category,
            parent.isEmpty() ? null : parent, aggregate.equals("true")));
      }
    } catch (IOException | IllegalStateException e) {
      throw new IllegalArgumentException("registry " + source + ": " + e.getMessage());
    }
    for (Agency a : out) {
      if (a.parentId() != null && !ids.contains(a.parentId())) {
        throw new IllegalArgumentException("registry " + source + ": parent_id " + a.parentId() + " of "
            + a.agencyId() + " is not an agency_id of the registry");
      }
    }
    return new Registry(source, out);
  }
}
