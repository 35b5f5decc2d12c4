package cn.xxgk.rollup.output;

import java.io.Serializable;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * An output table: its name and ordered columns. The Avro/Parquet schema, the CSV header and the
 * data dictionary are all derived from this one definition.
 */
public record OutputTable(String name, String descriptionZh, List<Column> columns) implements Serializable {
  public static final String NAMESPACE = "cn.xxgk.rollup.output";

  /** The Avro schema of the table, from which Parquet's is derived. */
  public Schema avroSchema() {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record(name).namespace(NAMESPACE).doc(descriptionZh).fields();
    for (Column c : columns) {
      Schema type = switch (c.type()) {
        case STRING -> Schema.create(Schema.Type.STRING);
        case INT32 -> Schema.create(Schema.Type.INT);
        case INT64 -> Schema.create(Schema.Type.LONG);
        case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
        case DECIMAL, RATE -> LogicalTypes.decimal(Column.DECIMAL_PRECISION, c.type().scale())
            .addToSchema(Schema.create(Schema.Type.BYTES));
      };
      if (c.nullable()) {
        fields = fields.name(c.name()).doc(c.labelZh()).type(Schema.createUnion(Schema.create(Schema.Type.NULL), type)).withDefault(null);
      } else {
        fields = fields.name(c.name()).doc(c.labelZh()).type(type).noDefault();
      }
    }
    return fields.endRecord();
  }

  /** The index of a column by name. */
  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name + " has no column " + column);
  }
}
