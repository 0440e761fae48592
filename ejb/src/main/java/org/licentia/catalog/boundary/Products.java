package org.licentia.catalog.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.control.Catalog;
import org.licentia.catalog.control.InputValidation;
import org.licentia.catalog.entity.Edition;
import org.licentia.catalog.entity.Product;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.errors.UniqueConstraints;

/** The publisher's products and their editions: publisher admins define them, every user reads them. */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class Products {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Catalog catalog;

    @Inject
    InputValidation validation;

    @Inject
    AuditTrail audit;

    public ProductView create(ProductDraft draft) {
        validation.require(draft);
        caller.requirePublisherAdmin("define products");
        long defaults = draft.editions().stream()
                .filter(ProductDraft.EditionDraft::isDefault)
                .count();
        if (defaults != 1) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "Exactly one edition is the default, not " + defaults,
                    Map.of("editions", "exactly one with isDefault true"));
        }
        Set<String> codes = new HashSet<>();
        for (ProductDraft.EditionDraft e : draft.editions()) {
            if (!codes.add(e.code())) {
                throw new LicensingException(
                        ErrorCode.INVALID_INPUT,
                        "Edition " + e.code() + " is listed twice",
                        Map.of("editions", "unique codes"));
            }
        }
        Product product = new Product(draft.code(), draft.name().strip());
        boolean first =
                em.createQuery("select count(p) from Product p", Long.class).getSingleResult() == 0;
        if (draft.isDefault() || first) {
            em.createQuery("update Product p set p.defaultProduct = false where p.defaultProduct = true")
                    .executeUpdate();
            product.makeDefault(true);
        }
        try {
            em.persist(product);
            for (ProductDraft.EditionDraft e : draft.editions()) {
                em.persist(new Edition(
                        product,
                        e.code(),
                        e.name().strip(),
                        e.maxSeats(),
                        e.maxTermDays(),
                        e.isDefault(),
                        e.features() == null ? List.of() : e.features()));
            }
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.isViolation(e)) {
                throw new LicensingException(
                        ErrorCode.PRODUCT_CODE_TAKEN,
                        "A product " + draft.code() + " already exists",
                        Map.of("code", draft.code()));
            }
            throw e;
        }
        ProductView view = viewOf(product);
        audit.record("product.create", "product", product.code(), null, view);
        return view;
    }

    public List<ProductView> list() {
        return em.createQuery("select p from Product p order by p.code", Product.class)
                .getResultStream()
                .map(this::viewOf)
                .toList();
    }

    public ProductView get(String code) {
        return viewOf(catalog.product(code == null || code.isBlank() ? "-" : code));
    }

    private ProductView viewOf(Product p) {
        return ProductView.of(
                p,
                em.createQuery("select e from Edition e where e.product = :p order by e.id", Edition.class)
                        .setParameter("p", p)
                        .getResultList());
    }
}
