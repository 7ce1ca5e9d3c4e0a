package io.newsdesk.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns every catalog entry has (a slugged, named row): each kind is its own table and entity, so that
 * {@code Article} keeps its two associations and the schema stays as it is. Plain JPA: Panache cannot map one
 * entity into two persistence units (quarkus#43341).
 */
@MappedSuperclass
public abstract class CatalogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Takes the written fields of the input; a kind with more fields takes those too. */
    void write(CatalogInput input, Instant now) {
        slug = input.slug();
        name = input.name();
        updatedAt = now;
    }
}
