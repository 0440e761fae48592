package org.licentia.seats.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.control.InputValidation;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.errors.UniqueConstraints;
import org.licentia.seats.control.ClientTokenCheck;
import org.licentia.seats.entity.ClientToken;

/** The instance administrator's client tokens: one per application or site that reserves seats. */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class ClientTokens {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    InputValidation validation;

    @Inject
    ClientTokenCheck check;

    @Inject
    AuditTrail audit;

    public NewClientToken create(ClientTokenDraft draft) {
        validation.require(draft);
        caller.requirePublisherAdmin("create client tokens");
        String name = draft.name().strip();
        ClientTokenCheck.NewToken made = ClientTokenCheck.newToken();
        ClientToken token = new ClientToken(name, made.key(), made.secretHash(), caller.email(), Instant.now());
        try {
            em.persist(token);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.isViolation(e)) {
                throw new LicensingException(
                        ErrorCode.CLIENT_TOKEN_NAME_TAKEN,
                        "A client token named " + name + " already exists",
                        Map.of("name", name));
            }
            throw e;
        }
        audit.record("client-token.create", "client-token", name, null, view(token));
        return new NewClientToken(name, made.token(), token.createdAt(), token.createdBy());
    }

    public List<ClientTokenView> list() {
        caller.requirePublisherAdmin("list client tokens");
        return em.createQuery("select t from ClientToken t order by t.name", ClientToken.class).getResultList().stream()
                .map(ClientTokens::view)
                .toList();
    }

    public void revoke(String name) {
        caller.requirePublisherAdmin("revoke client tokens");
        ClientToken token = em.createQuery("select t from ClientToken t where t.name = :name", ClientToken.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new LicensingException(
                        ErrorCode.CLIENT_TOKEN_NOT_FOUND, "No client token named " + name, Map.of("name", name)));
        ClientTokenView before = view(token);
        token.revoke(Instant.now());
        check.forget(token.key());
        audit.record("client-token.revoke", "client-token", name, before, view(token));
    }

    private static ClientTokenView view(ClientToken t) {
        return new ClientTokenView(t.name(), t.createdAt(), t.createdBy(), t.revokedAt());
    }
}
