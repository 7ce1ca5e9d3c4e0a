package io.newsdesk.article;

import java.time.Instant;

import io.newsdesk.catalog.Category;
import io.newsdesk.catalog.Source;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** An article row. Written through {@link ArticleCommands}; reads go through {@link ArticleQueries} into views. */
@Entity
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String content;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    public Category category;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "original_url", nullable = false)
    public String originalUrl;

    @Column(name = "is_summary", nullable = false)
    public boolean isSummary;

    @Column(name = "has_editorial_bias", nullable = false)
    public boolean hasEditorialBias;

    @Column(nullable = false)
    public long views;

    @Version
    public long version;

    /**
     * Files the article under a category and a source by their ids. The catalog's entities are named here, in
     * the mapping, and nowhere else outside their package.
     */
    void fileUnder(EntityManager em, long categoryId, long sourceId) {
        category = em.getReference(Category.class, categoryId);
        source = em.getReference(Source.class, sourceId);
    }

    long categoryId() {
        return category.id;
    }

    long sourceId() {
        return source.id;
    }
}
