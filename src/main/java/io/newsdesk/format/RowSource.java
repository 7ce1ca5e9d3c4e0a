package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of a model too large for memory (a CSV export of a whole selection), read by the feature's query
 * service in batches while the writer sends them. One CDI bean per model type: the model itself only says
 * what to read, so no model carries code that runs queries. Cells are as in {@link Tabular}.
 */
public interface RowSource<M> {

    /** The model type whose rows this streams. */
    Class<M> modelType();

    /** As {@link Tabular#tableName}. */
    String tableName(M model);

    List<String> columns();

    /** Every row of the model, in order, batch by batch; each batch is sent before the next is read. */
    void rows(M model, int batchSize, Consumer<List<List<Object>>> batches);

    /**
     * The whole CSV file written by the database itself, when it can: {@code header} (the header row, as the
     * writer made it), then every row of {@link #rows} as a record byte for byte identical to what the writer makes
     * of it (cells as in {@link Tabular}, formula-like text neutralised, CRLF record ends). {@code false}, having
     * written nothing, when it cannot; the writer then writes the rows itself. The header goes out only once the
     * database has accepted the query, so a query it refuses is still an error response, not a cut transfer.
     */
    default boolean copyCsv(M model, byte[] header, OutputStream out) throws IOException {
        return false;
    }
}
