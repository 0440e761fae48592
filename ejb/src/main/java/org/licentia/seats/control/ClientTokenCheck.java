package org.licentia.seats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.seats.entity.ClientToken;

/**
 * Makes and checks client tokens ({@code lct_<key>.<secret>}). A checked token is remembered for
 * {@link #REMEMBER}, so a busy client costs one SHA-256 per request and a database read every
 * half minute; a revocation made on this node applies at once, one made on another node within
 * that time.
 */
@ApplicationScoped
public class ClientTokenCheck {

    static final Duration REMEMBER = Duration.ofSeconds(30);
    private static final String PREFIX = "lct_";
    private static final int KEY_LENGTH = 12;
    private static final int SECRET_LENGTH = 32;
    private static final int MAX_REMEMBERED = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    /** What is known of a token key: its name and secret hash, or that no usable token has it. */
    private record Known(String name, String secretHash, Instant readAt) {}

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public record NewToken(String key, String secretHash, String token) {}

    public static NewToken newToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] key = new byte[9];
        byte[] secret = new byte[24];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(secret);
        String k = b64.encodeToString(key);
        String s = b64.encodeToString(secret);
        return new NewToken(k, hash(s), "lct_" + k + "." + s);
    }

    /** The name of the token's holder; refuses a missing, malformed, unknown or revoked token alike. */
    public String holder(String token) {
        String t = token == null ? "" : token.trim();
        if (!wellFormed(t)) {
            throw invalid(
                    t.isEmpty()
                            ? "A client token is required (Authorization: Bearer <token>)"
                            : "The client token is malformed");
        }
        String key = t.substring(PREFIX.length(), PREFIX.length() + KEY_LENGTH);
        String secret = t.substring(PREFIX.length() + KEY_LENGTH + 1);
        Known k = known.get(key);
        if (k == null || k.readAt().isBefore(Instant.now().minus(REMEMBER))) {
            k = read(key);
        }
        if (k.name() == null
                || !MessageDigest.isEqual(
                        k.secretHash().getBytes(StandardCharsets.US_ASCII),
                        hash(secret).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid("The client token is unknown or revoked");
        }
        return k.name();
    }

    /**
     * {@code lct_}, 12 key characters, a dot, 32 secret characters, all of Base64's URL alphabet.
     * Checked by hand: on every seat request a regular expression cost more than the SHA-256.
     */
    static boolean wellFormed(String token) {
        int dot = PREFIX.length() + KEY_LENGTH;
        if (token.length() != dot + 1 + SECRET_LENGTH || !token.startsWith(PREFIX) || token.charAt(dot) != '.') {
            return false;
        }
        for (int i = PREFIX.length(); i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64Url =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (i != dot && !base64Url) {
                return false;
            }
        }
        return true;
    }

    public void forget(String key) {
        known.remove(key);
    }

    private Known read(String key) {
        ClientToken t = em.createQuery("select t from ClientToken t where t.key = :key", ClientToken.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst()
                .orElse(null);
        Known k = t == null || t.revokedAt() != null
                ? new Known(null, "", Instant.now())
                : new Known(t.name(), t.secretHash(), Instant.now());
        if (known.size() >= MAX_REMEMBERED) {
            known.clear();
        }
        known.put(key, k);
        return k;
    }

    private static LicensingException invalid(String message) {
        return new LicensingException(ErrorCode.INVALID_CLIENT_TOKEN, message);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
