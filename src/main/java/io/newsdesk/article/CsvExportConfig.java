package io.newsdesk.article;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** CSV exports of whole selections ({@code newsdesk.csv.*}). */
@ConfigMapping(prefix = "newsdesk.csv")
public interface CsvExportConfig {

    /**
     * On PostgreSQL, how long one export's COPY may run, the client's download included (the rows are read as
     * fast as the client takes them): in place of the general statement timeout, which is sized for queries.
     */
    @WithDefault("PT10M")
    Duration exportTimeout();
}
