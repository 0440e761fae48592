package org.licentia.catalog.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An edition of a product (Trial, Basic, Advanced): its feature set and the limits every license
 * of it must respect. A Trial, for instance, allows one seat for at most 30 days.
 */
@Entity
@Table(
        name = "edition",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_edition_code",
                        columnNames = {"product_id", "code"}))
public class Edition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    /** Largest seat amount or quota a license of this edition may have; null for no limit. */
    @Column(name = "max_seats")
    private Integer maxSeats;

    /** Longest term, in days from the start, of a license of this edition; null for no limit. */
    @Column(name = "max_term_days")
    private Integer maxTermDays;

    @Column(name = "default_edition", nullable = false)
    private boolean defaultEdition;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "edition_feature", joinColumns = @JoinColumn(name = "edition_id"))
    @OrderColumn(name = "position")
    @Column(name = "feature", nullable = false, length = 100)
    private List<String> features = new ArrayList<>();

    protected Edition() {}

    public Edition(
            Product product,
            String code,
            String name,
            Integer maxSeats,
            Integer maxTermDays,
            boolean defaultEdition,
            List<String> features) {
        this.product = product;
        this.code = code;
        this.name = name;
        this.maxSeats = maxSeats;
        this.maxTermDays = maxTermDays;
        this.defaultEdition = defaultEdition;
        this.features = new ArrayList<>(features);
    }

    public Product product() {
        return product;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Optional<Integer> maxSeats() {
        return Optional.ofNullable(maxSeats);
    }

    public Optional<Integer> maxTermDays() {
        return Optional.ofNullable(maxTermDays);
    }

    public boolean isDefault() {
        return defaultEdition;
    }

    /**
     * The product's feature catalog: its editions' features in the order they were added (editions
     * by creation, then each edition's own order), each once. Compact computer keys grant features
     * by their place in it, so a publisher adds features to it and never reorders or removes them.
     *
     * @param editions the product's editions, oldest first
     */
    public static List<String> featureCatalog(List<Edition> editions) {
        java.util.LinkedHashSet<String> catalog = new java.util.LinkedHashSet<>();
        editions.forEach(e -> catalog.addAll(e.features));
        return List.copyOf(catalog);
    }

    /** {@link #featureCatalog(List)} of {@code product} in one query, as an activation needs it. */
    public static List<String> featureCatalog(jakarta.persistence.EntityManager em, Product product) {
        return List.copyOf(new java.util.LinkedHashSet<>(em.createQuery(
                        "select f from Edition e join e.features f where e.product = :product"
                                + " order by e.id, index(f)",
                        String.class)
                .setParameter("product", product)
                .getResultList()));
    }

    public List<String> features() {
        return List.copyOf(features);
    }
}
