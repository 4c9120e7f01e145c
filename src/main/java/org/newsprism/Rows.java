package org.newsprism;

import java.io.Serializable;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Row-level plumbing shared by the stages that run plain Java per row. */
public final class Rows {
    private Rows() {}

    /** A serialisable per-row function (shipped to executors with the task). */
    @FunctionalInterface
    public interface RowFunction extends Serializable {
        Row apply(Row row);
    }

    /**
     * Maps every row with {@code function}, lazily and one row at a time (a partition is never held in
     * memory), producing rows of {@code schema}.
     */
    public static Dataset<Row> mapEach(Dataset<Row> rows, RowFunction function, StructType schema) {
        MapPartitionsFunction<Row, Row> perPartition = partition -> new MappedIterator(partition, function);
        return rows.mapPartitions(perPartition, Encoders.row(schema));
    }

    private static final class MappedIterator implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final RowFunction function;

        MappedIterator(Iterator<Row> rows, RowFunction function) {
            this.rows = rows;
            this.function = function;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Row next() {
            return function.apply(rows.next());
        }
    }
}
