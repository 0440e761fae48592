package org.licentia.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A licensed product of the publisher; its editions say what a license of it includes. */
@Entity
@Table(name = "product", uniqueConstraints = @UniqueConstraint(name = "uk_product_code", columnNames = "code"))
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    /** The product a license is for when a request names none; at most one product is. */
    @Column(name = "default_product")
    private Boolean defaultProduct;

    protected Product() {}

    public Product(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public boolean isDefault() {
        return Boolean.TRUE.equals(defaultProduct);
    }

    public void makeDefault(boolean isDefault) {
        this.defaultProduct = isDefault;
    }
}
