package io.newsdesk.format;

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
}
