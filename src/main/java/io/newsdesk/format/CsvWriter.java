package io.newsdesk.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * CSV (RFC 4180): one header row, then one record per item; fields are quoted only when they hold a comma,
 * a quote or a line break, quotes are doubled, and every record ends with CRLF (line breaks inside quoted
 * fields are data and kept as they are). Cells a spreadsheet would run as a formula get a leading {@code '}
 * (see {@link CsvRows#cell}).
 *
 * <p>It writes every {@link Tabular} model from memory, and streams every model a {@link RowSource} reads (on
 * {@code /v1/articles} the file is the <em>whole</em> selection, not a page). A source whose database writes the
 * CSV itself ({@link RowSource#copyCsv}: PostgreSQL's COPY) sends it straight through; otherwise the source reads
 * batches of {@value #BATCH_SIZE} rows and each batch is written and flushed to the client before the next is read.
 * Either way memory stays constant whatever the size of the selection. The status line is sent with
 * the first rows; if the database fails later the response can no longer become an error, so
 * {@link RepresentationBodyWriter} cuts the connection before the final chunk and the client sees a failed
 * transfer, never a short file that looks complete. Memory per batch is {@value #BATCH_SIZE} rows.
 *
 * <p>Encoding: UTF-8 <em>without</em> a byte order mark, as {@code charset=utf-8} says. A BOM would glue
 * U+FEFF to the first header name ("id" no longer matches) in most CSV parsers (Python's csv, R, Go, OpenCSV,
 * shell tools), and the programs partners run matter more here than a double click. Excel reads the file
 * correctly through Data &gt; From Text/CSV or Data &gt; From Web with the URL (UTF-8 is detected there);
 * LibreOffice and Google Sheets read it as is.
 */
@ApplicationScoped
class CsvWriter implements ModelWriter {

    /** Rows per database round trip and per flush of a streamed export. */
    static final int BATCH_SIZE = 500;

    private static final MediaType TEXT_CSV = new MediaType("text", "csv", "utf-8");

    private final List<RowSource<?>> sources;

    CsvWriter(@All List<RowSource<?>> sources) {
        this.sources = sources;
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public MediaType mediaType() {
        return TEXT_CSV;
    }

    @Override
    public int preference() {
        return 50;
    }

    @Override
    public boolean streams(Class<?> modelType) {
        return source(modelType).isPresent();
    }

    @Override
    public boolean writes(Class<?> model) {
        return Tabular.class.isAssignableFrom(model) || streams(model);
    }

    /** A download named after the selection: {@code articles-world.csv}, {@code article-42.csv}, ... */
    @Override
    public Map<String, String> headers(Object model) {
        return Map.of(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(model) + ".csv\"");
    }

    private String fileName(Object model) {
        String name = streams(model.getClass()) ? streamed(model).tableName(model) : ((Tabular) model).tableName();
        // Names come from slugs and are ASCII already; this keeps the header safe whatever they become.
        return name.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    @Override
    public void write(Object model, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 32 * 1024);
        ICSVWriter csv = new CSVWriterBuilder(text)
                .withLineEnd(ICSVWriter.RFC4180_LINE_END)
                .build();
        if (streams(model.getClass())) {
            RowSource<Object> source = streamed(model);
            if (source.copyCsv(model, header(source.columns()), out)) {
                return;
            }
            csv.writeNext(source.columns().toArray(String[]::new), false);
            stream(source, model, csv);
        } else {
            Tabular table = (Tabular) model;
            csv.writeNext(table.columns().toArray(String[]::new), false);
            table.rows().forEach(row -> csv.writeNext(CsvRows.text(row), false));
        }
        flush(csv);
    }

    /** The header row as {@link #write} writes it, for a source that copies the records itself. */
    private static byte[] header(List<String> columns) throws IOException {
        StringWriter text = new StringWriter();
        try (ICSVWriter csv = new CSVWriterBuilder(text)
                .withLineEnd(ICSVWriter.RFC4180_LINE_END)
                .build()) {
            csv.writeNext(columns.toArray(String[]::new), false);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Optional<RowSource<?>> source(Class<?> modelType) {
        return sources.stream()
                .filter(source -> source.modelType().isAssignableFrom(modelType))
                .findFirst();
    }

    @SuppressWarnings("unchecked") // the source was chosen by the model's type
    private RowSource<Object> streamed(Object model) {
        return (RowSource<Object>) source(model.getClass())
                .orElseThrow(() -> new IllegalArgumentException(
                        "No CSV for " + model.getClass().getName()));
    }

    private static void stream(RowSource<Object> source, Object model, ICSVWriter csv) throws IOException {
        try {
            source.rows(model, BATCH_SIZE, batch -> {
                batch.forEach(row -> csv.writeNext(CsvRows.text(row), false));
                try {
                    flush(csv);
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // the client went away: stop reading the database
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Sends what is buffered; OpenCSV keeps write errors to itself, so they are raised here. */
    private static void flush(ICSVWriter csv) throws IOException {
        csv.flush();
        IOException failed = csv.getException();
        if (failed != null) {
            throw failed;
        }
    }
}
