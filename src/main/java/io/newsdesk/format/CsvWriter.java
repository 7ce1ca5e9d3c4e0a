package io.newsdesk.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import io.newsdesk.article.ArticleSelection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * CSV (RFC 4180): one header row, then one record per item; fields are quoted only when they hold a comma,
 * a quote or a line break, quotes are doubled, and every record ends with CRLF (line breaks inside quoted
 * fields are data and kept as they are). Cells a spreadsheet would run as a formula get a leading {@code '}
 * (see {@link CsvRows#cell}).
 *
 * <p>On {@code /v1/articles} the file is the <em>whole</em> selection, not a page: it is read from the database
 * in keyset batches of {@value #BATCH_SIZE} and each batch is written and flushed to the client before the
 * next is read, so memory stays constant whatever the size of the selection. The status line is sent with
 * the first batch; if the database fails later the response can no longer become an error, so
 * {@link RepresentationBodyWriter} cuts the connection before the final chunk and the client sees a failed
 * transfer, never a short file that looks complete. Memory per batch is {@value #BATCH_SIZE} articles.
 *
 * <p>Encoding: UTF-8 <em>without</em> a byte order mark, as {@code charset=utf-8} says. A BOM would glue
 * U+FEFF to the first header name ("id" no longer matches) in most CSV parsers (Python's csv, R, Go, OpenCSV,
 * shell tools), and the programs partners run matter more here than a double click. Excel reads the file
 * correctly through Data &gt; From Text/CSV or Data &gt; From Web with the URL (UTF-8 is detected there);
 * LibreOffice and Google Sheets read it as is.
 */
@ApplicationScoped
class CsvWriter implements ModelWriter {

    /** Articles per database round trip and per flush of a streamed export. */
    static final int BATCH_SIZE = 500;

    private static final MediaType TEXT_CSV = new MediaType("text", "csv", "utf-8");

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
        return ArticleSelection.class.isAssignableFrom(modelType);
    }

    @Override
    public boolean writes(Class<?> model) {
        return CsvRows.writes(model);
    }

    /** A download named after the selection: {@code articles-world.csv}, {@code article-42.csv}, ... */
    @Override
    public Map<String, String> headers(Object model) {
        return Map.of(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(model) + ".csv\"");
    }

    static String fileName(Object model) {
        String name = model instanceof ArticleSelection selection ? selection.feed().name()
                : CsvRows.table(model).name();
        // Names come from slugs and are ASCII already; this keeps the header safe whatever they become.
        return name.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    @Override
    public void write(Object model, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 32 * 1024);
        ICSVWriter csv = new CSVWriterBuilder(text).withLineEnd(ICSVWriter.RFC4180_LINE_END).build();
        if (model instanceof ArticleSelection selection) {
            csv.writeNext(CsvRows.ARTICLE_HEADER, false);
            stream(selection, csv);
        } else {
            CsvRows.Table table = CsvRows.table(model);
            csv.writeNext(table.header(), false);
            table.rows().forEach(row -> csv.writeNext(row, false));
        }
        flush(csv);
    }

    private static void stream(ArticleSelection selection, ICSVWriter csv) throws IOException {
        try {
            selection.stream(BATCH_SIZE, batch -> {
                batch.forEach(article -> csv.writeNext(CsvRows.article(article), false));
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
