package org.licentia.catalog.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.licentia.catalog.entity.Account;
import org.licentia.catalog.entity.Edition;
import org.licentia.catalog.entity.License;
import org.licentia.catalog.entity.Product;
import org.licentia.catalog.entity.User;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/** Finds catalog items by the names clients use, or says which one does not exist. */
@Dependent
public class Catalog {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    public Account account(String name) {
        return em.createQuery("select a from Account a where a.name = :name", Account.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> accountNotFound(name));
    }

    public static LicensingException accountNotFound(String name) {
        return new LicensingException(
                ErrorCode.ACCOUNT_NOT_FOUND, "Account '" + name + "' does not exist", Map.of("account", name));
    }

    public static LicensingException licenseNotFound(String number) {
        return new LicensingException(
                ErrorCode.LICENSE_NOT_FOUND, "License " + number + " does not exist", Map.of("number", number));
    }

    public static LicensingException userNotFound(String email) {
        return new LicensingException(
                ErrorCode.USER_NOT_FOUND, "User " + email + " does not exist", Map.of("email", email));
    }

    public License license(String number) {
        return license(number, LockModeType.NONE);
    }

    public License license(String number, LockModeType lock) {
        LicenseNumbers.requireValid(number);
        return em.createQuery("select l from License l where l.number = :number", License.class)
                .setParameter("number", number)
                .setLockMode(lock)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> licenseNotFound(number));
    }

    public User user(String email) {
        return em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> userNotFound(email));
    }

    /** The named product; with no name, the default product (or the catalog's only one). */
    public Product product(String code) {
        if (code == null || code.isBlank()) {
            List<Product> defaults = em.createQuery(
                            "select p from Product p where p.defaultProduct = true", Product.class)
                    .setMaxResults(1)
                    .getResultList();
            if (!defaults.isEmpty()) {
                return defaults.get(0);
            }
            List<Product> all = em.createQuery("select p from Product p", Product.class)
                    .setMaxResults(2)
                    .getResultList();
            if (all.size() != 1) {
                throw new LicensingException(
                        ErrorCode.PRODUCT_REQUIRED,
                        all.isEmpty()
                                ? "The catalog has no products yet"
                                : "Name the product: the catalog has several and none is the default");
            }
            return all.get(0);
        }
        return em.createQuery("select p from Product p where p.code = :code", Product.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new LicensingException(
                        ErrorCode.PRODUCT_NOT_FOUND, "Product " + code + " does not exist", Map.of("product", code)));
    }

    /** The product's named edition; with no name, its default edition. */
    public Edition edition(Product product, String code) {
        List<Edition> found = (code == null || code.isBlank())
                ? em.createQuery(
                                "select e from Edition e where e.product = :p and e.defaultEdition = true",
                                Edition.class)
                        .setParameter("p", product)
                        .getResultList()
                : em.createQuery("select e from Edition e where e.product = :p and e.code = :code", Edition.class)
                        .setParameter("p", product)
                        .setParameter("code", code)
                        .getResultList();
        if (found.isEmpty()) {
            throw new LicensingException(
                    ErrorCode.EDITION_NOT_FOUND,
                    code == null || code.isBlank()
                            ? "Product " + product.code() + " has no default edition: name one"
                            : "Product " + product.code() + " has no edition " + code,
                    Map.of("edition", String.valueOf(code)));
        }
        return found.get(0);
    }
}
