package org.licentia.server.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInAttemptsTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void failuresPastTheFreeOnesCostADelayThatDoublesUpToTheMaximum() {
        SignInAttempts attempts = new SignInAttempts(5, Duration.ofSeconds(60));
        for (int i = 0; i < 5; i++) {
            assertEquals(0, attempts.waitSeconds("admin@licentia.example", "10.0.0.9", T0));
            attempts.failed("admin@licentia.example", "10.0.0.9", T0);
        }
        assertEquals(1, attempts.waitSeconds("admin@licentia.example", "10.0.0.9", T0));
        attempts.failed("admin@licentia.example", "10.0.0.9", T0.plusSeconds(1));
        assertEquals(
                2, attempts.waitSeconds("Admin@Licentia.example", "10.0.0.9", T0.plusSeconds(1)), "one user, any case");
        for (int i = 0; i < 10; i++) {
            attempts.failed("admin@licentia.example", "10.0.0.9", T0.plusSeconds(2));
        }
        assertEquals(60, attempts.waitSeconds("admin@licentia.example", "10.0.0.9", T0.plusSeconds(2)));
        assertEquals(
                0,
                attempts.waitSeconds("admin@licentia.example", "10.0.0.9", T0.plusSeconds(62)),
                "a delay, never a lock");
    }

    @Test
    void theOwnerElsewhereIsNotSlowedAndASuccessClearsTheCount() {
        SignInAttempts attempts = new SignInAttempts(5, Duration.ofSeconds(60));
        for (int i = 0; i < 12; i++) {
            attempts.failed("admin@licentia.example", "203.0.113.5", T0);
        }
        assertEquals(0, attempts.waitSeconds("admin@licentia.example", "10.0.0.9", T0));
        attempts.failed("bob@licentia.example", "10.0.0.9", T0);
        attempts.succeeded("bob@licentia.example", "10.0.0.9");
        assertEquals(0, attempts.waitSeconds("bob@licentia.example", "10.0.0.9", T0));
    }

    @Test
    void failuresLongAgoAreForgotten() {
        SignInAttempts attempts = new SignInAttempts(5, Duration.ofSeconds(60));
        for (int i = 0; i < 9; i++) {
            attempts.failed("carol@example.com", "10.0.0.9", T0);
        }
        Instant later = T0.plus(SignInAttempts.FORGET_AFTER).plusSeconds(1);
        assertEquals(0, attempts.waitSeconds("carol@example.com", "10.0.0.9", later));
        attempts.failed("carol@example.com", "10.0.0.9", later);
        assertEquals(0, attempts.waitSeconds("carol@example.com", "10.0.0.9", later), "counting starts again");
    }

    @Test
    void triesAnInstanceVouchesForCountAgainstTheTypistButAllOfThatInstanceShareALargerCount() {
        SignInAttempts attempts = new SignInAttempts(5, Duration.ofSeconds(60));
        var guesser = SignInAttempts.Source.vouchedBy("instance-1", "10.0.0.66");
        for (int i = 0; i < 5; i++) {
            attempts.failed("owner@example.com", guesser, T0);
        }
        assertEquals(1, attempts.waitSeconds("owner@example.com", guesser, T0));
        assertEquals(
                0,
                attempts.waitSeconds(
                        "owner@example.com", SignInAttempts.Source.vouchedBy("instance-1", "10.0.0.7"), T0),
                "the owner behind the same instance");
        assertEquals(
                0,
                attempts.waitSeconds("owner@example.com", "127.0.0.1", T0),
                "the owner at the instance's own address, signing in directly");
        // an instance that makes up a new address for every try still shares one count for the user
        for (int i = 0; i < 5 * SignInAttempts.PER_INSTANCE - 5; i++) {
            var madeUp = SignInAttempts.Source.vouchedBy("instance-1", "198.51.100." + i);
            assertEquals(0, attempts.waitSeconds("owner@example.com", madeUp, T0), "try " + i);
            attempts.failed("owner@example.com", madeUp, T0);
        }
        assertEquals(
                1,
                attempts.waitSeconds(
                        "owner@example.com", SignInAttempts.Source.vouchedBy("instance-1", "198.51.100.250"), T0));
        assertEquals(
                0,
                attempts.waitSeconds(
                        "owner@example.com", SignInAttempts.Source.vouchedBy("instance-2", "10.0.0.66"), T0),
                "another instance");
        attempts.succeeded("owner@example.com", SignInAttempts.Source.vouchedBy("instance-1", "10.0.0.7"));
        assertEquals(
                0,
                attempts.waitSeconds(
                        "owner@example.com", SignInAttempts.Source.vouchedBy("instance-1", "198.51.100.250"), T0),
                "the owner's success there clears the instance's count");
    }
}
