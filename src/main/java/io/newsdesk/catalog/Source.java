package io.newsdesk.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A source (outlet) row: a catalog entry with its website. */
@Entity
public class Source extends CatalogEntry {

    @Column(nullable = false)
    public String url;

    @Override
    void write(CatalogInput input, Instant now) {
        super.write(input, now);
        url = input.url();
    }
}
