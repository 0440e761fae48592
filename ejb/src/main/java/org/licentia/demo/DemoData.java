package org.licentia.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.licentia.catalog.control.ActivationKeys;
import org.licentia.catalog.control.Passwords;
import org.licentia.catalog.entity.Account;
import org.licentia.catalog.entity.Edition;
import org.licentia.catalog.entity.License;
import org.licentia.catalog.entity.LicenseTerms;
import org.licentia.catalog.entity.Product;
import org.licentia.catalog.entity.QuotaMetric;
import org.licentia.catalog.entity.Role;
import org.licentia.catalog.entity.RoleGrant;
import org.licentia.catalog.entity.User;
import org.licentia.schema.FirstStartLock;
import org.licentia.schema.SchemaMigrations;

/**
 * First-start data. Always: the publisher admin named by {@code licentia.admin.email} and
 * {@code licentia.admin.password}, if set and absent. With {@code licentia.demo-data=true} (the
 * quick start and the tests): the product catalog and the accounts, users and licenses the
 * README lists. Each item is created only if missing, so restarts never duplicate or reset it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@PermitAll
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    static final String PRODUCT = "CLOUD-PLATFORM";
    static final List<String> BASIC_FEATURES =
            List.of("compute-virtualization", "storage-virtualization", "network-virtualization");
    static final List<String> ADVANCED_FEATURES = List.of(
            "compute-virtualization",
            "storage-virtualization",
            "network-virtualization",
            "live-migration",
            "high-availability",
            "distributed-switch");

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    SchemaMigrations schema;

    @Inject
    FirstStartLock firstStart;

    @Inject
    @ConfigProperty(name = "licentia.demo-data", defaultValue = "false")
    boolean demoData;

    @Inject
    @ConfigProperty(name = "licentia.admin.email")
    Optional<String> adminEmail;

    @Inject
    @ConfigProperty(name = "licentia.admin.password")
    Optional<String> adminPassword;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void load() {
        if (!schema.isReady()) {
            return;
        }
        firstStart.acquire();
        if (adminEmail.isPresent() && adminPassword.isPresent()) {
            user(adminEmail.get(), adminPassword.get(), null, Role.PUBLISHER_ADMIN);
        }
        if (!demoData) {
            return;
        }
        LOG.info("Loading the demo data (licentia.demo-data=true)");
        user("admin@licentia.example", "licentia-admin", null, Role.PUBLISHER_ADMIN);

        Product product = product();
        Edition advanced = edition(product, "ADVANCED");

        Account exampleUser1 = account("Example User 1");
        user("example.user1@company.com", "1111111111", exampleUser1, Role.LICENSE_MANAGER);
        user("example.user2@company.com", "2222222222", exampleUser1, Role.DEPUTY_LICENSE_MANAGER);
        user("example.user3@company.com", "3333333333", exampleUser1, Role.DEPUTY_LICENSE_MANAGER);
        license("11554731", exampleUser1, advanced, 20);
        license("96023021", exampleUser1, advanced, 3);
        license("96023022", exampleUser1, advanced, 20);

        Account exampleUser = account("Example User");
        user("example.user@company.com", "1234567890", exampleUser, Role.LICENSE_MANAGER);
        license("96023020", exampleUser, advanced, 5);
    }

    private Product product() {
        Optional<Product> existing = em.createQuery("select p from Product p where p.code = :c", Product.class)
                .setParameter("c", PRODUCT)
                .getResultStream()
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Product product = new Product(PRODUCT, "Cloud Platform");
        boolean first =
                em.createQuery("select count(p) from Product p", Long.class).getSingleResult() == 0;
        product.makeDefault(first);
        em.persist(product);
        em.persist(new Edition(product, "TRIAL", "Basic Edition - Trial", 1, 30, false, BASIC_FEATURES));
        em.persist(new Edition(product, "BASIC", "Basic Edition", null, null, true, BASIC_FEATURES));
        em.persist(new Edition(product, "ADVANCED", "Advanced Edition", null, null, false, ADVANCED_FEATURES));
        em.flush();
        return product;
    }

    private Edition edition(Product product, String code) {
        return em.createQuery("select e from Edition e where e.product = :p and e.code = :c", Edition.class)
                .setParameter("p", product)
                .setParameter("c", code)
                .getSingleResult();
    }

    private Account account(String name) {
        return em.createQuery("select a from Account a where a.name = :n", Account.class)
                .setParameter("n", name)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    Account a = new Account(name, Instant.now());
                    em.persist(a);
                    return a;
                });
    }

    private void user(String email, String password, Account account, Role role) {
        User user = em.createQuery("select u from User u where u.email = :e", User.class)
                .setParameter("e", email)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (user != null) {
            return;
        }
        user = new User(email, Passwords.hash(password), Instant.now());
        em.persist(user);
        em.persist(new RoleGrant(user, account, role));
    }

    private void license(String number, Account owner, Edition edition, int seats) {
        Long exists = em.createQuery("select count(l) from License l where l.number = :n", Long.class)
                .setParameter("n", number)
                .getSingleResult();
        if (exists > 0) {
            return;
        }
        LocalDate start = LocalDate.now().withDayOfYear(1);
        em.persist(new License(
                number,
                owner,
                edition,
                new LicenseTerms(
                        seats,
                        QuotaMetric.SEATS,
                        seats,
                        start,
                        start.plusYears(2).minusDays(1),
                        start.plusYears(2).minusDays(1),
                        seats),
                ActivationKeys.next(),
                Instant.now()));
    }
}
