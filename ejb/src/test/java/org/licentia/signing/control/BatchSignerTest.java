package org.licentia.signing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.licentia.client.document.SignatureBatch;

class BatchSignerTest {

    /** One signature at a time: every caller that finds one under way queues for the next batch. */
    private static final int ONE_SIGNER = 1;

    private final Ed25519KeyPair pair = Ed25519KeyPair.generate();
    private final String publicKey = Base64.getEncoder().encodeToString(pair.publicKey());
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * The real key, counting its signatures; it holds the signature numbered {@code holding} until
     * released (1 is the first; 0 for none) and fails the one numbered {@code failing}.
     */
    private final class CountingKey implements BatchSigner.Key {
        final AtomicInteger signatures = new AtomicInteger();
        final CountDownLatch heldStarted = new CountDownLatch(1);
        final CountDownLatch releaseHeld = new CountDownLatch(1);
        final int holding;
        final int failing;

        CountingKey(boolean holdFirst) {
            this(holdFirst ? 1 : 0, 0);
        }

        CountingKey(int holding, int failing) {
            this.holding = holding;
            this.failing = failing;
        }

        @Override
        public String keyId() {
            return pair.keyId();
        }

        @Override
        public byte[] sign(byte[] message) {
            int call = signatures.incrementAndGet();
            if (call == holding) {
                heldStarted.countDown();
                await(releaseHeld);
            }
            if (call == failing) {
                throw new IllegalStateException("the key store is gone");
            }
            return pair.sign(message);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS), "a signer thread is stuck");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] document(int i) {
        return ("{\"lease\":\"96023021.l" + i + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private boolean verifies(int document, BatchSigner.Signature s) {
        return s.keyId().equals(pair.keyId())
                && SignatureBatch.verify(
                        document(document), s.batchPath(), Base64.getEncoder().encodeToString(s.value()), publicKey);
    }

    @Test
    void aDocumentSignedAloneHasAnEmptyPath() {
        BatchSigner signer = new BatchSigner(() -> pair, 256);
        BatchSigner.Signature s = signer.sign(document(1));
        assertEquals(List.of(), s.batchPath());
        assertTrue(verifies(1, s));
    }

    @Test
    void aLoneCallerSignsEachDocumentAlone() {
        CountingKey key = new CountingKey(false);
        BatchSigner signer = new BatchSigner(() -> key, 256);
        for (int i = 0; i < 20; i++) {
            BatchSigner.Signature s = signer.sign(document(i));
            assertEquals(List.of(), s.batchPath(), "document " + i);
            assertTrue(verifies(i, s));
        }
        assertEquals(20, key.signatures.get());
    }

    /**
     * Document 0 starts a signature that the key holds; documents 1 to {@code callers} then queue
     * behind it before it is let go. The answers, document 0's first.
     */
    private List<Future<BatchSigner.Signature>> queueBehindAHeldSignature(
            BatchSigner signer, CountingKey key, int callers) {
        List<Future<BatchSigner.Signature>> answers = new ArrayList<>();
        answers.add(threads.submit(() -> signer.sign(document(0))));
        await(key.heldStarted);
        for (int i = 1; i <= callers; i++) {
            int n = i;
            answers.add(threads.submit(() -> signer.sign(document(n))));
        }
        while (signer.waiting() < callers) {
            Thread.onSpinWait();
        }
        key.releaseHeld.countDown();
        return answers;
    }

    /** Callers that queue while a signature is being made all share the next one. */
    @Test
    void callersQueuedBehindASignatureShareOne() throws Exception {
        int callers = 40;
        CountingKey key = new CountingKey(true);
        BatchSigner signer = new BatchSigner(() -> key, 256, ONE_SIGNER);
        List<Future<BatchSigner.Signature>> answers = queueBehindAHeldSignature(signer, key, callers);

        assertTrue(verifies(0, answers.get(0).get(60, TimeUnit.SECONDS)));
        byte[] shared = null;
        for (int i = 1; i <= callers; i++) {
            BatchSigner.Signature s = answers.get(i).get(60, TimeUnit.SECONDS);
            assertTrue(verifies(i, s), "document " + i);
            assertTrue(s.batchPath().size() <= 6, "40 documents: a tree six levels deep");
            if (shared == null) {
                shared = s.value();
            } else {
                assertSame(shared, s.value(), "one signature for the whole batch");
            }
        }
        assertEquals(2, key.signatures.get());
    }

    @Test
    void aBatchNeverExceedsItsBound() throws Exception {
        int callers = 10;
        CountingKey key = new CountingKey(true);
        BatchSigner signer = new BatchSigner(() -> key, 4, ONE_SIGNER);
        List<Future<BatchSigner.Signature>> answers = queueBehindAHeldSignature(signer, key, callers);
        answers.get(0).get(60, TimeUnit.SECONDS);
        for (int i = 1; i <= callers; i++) {
            BatchSigner.Signature s = answers.get(i).get(60, TimeUnit.SECONDS);
            assertTrue(verifies(i, s), "document " + i);
            assertTrue(s.batchPath().size() <= 2, "at most 4 documents a batch");
        }
        assertEquals(1 + 3, key.signatures.get(), "10 queued documents in batches of 4, 4 and 2");
    }

    @Test
    void aFailedSignatureFailsEveryCallerOfItsBatchAndNotTheNext() throws Exception {
        CountingKey failingOnce = new CountingKey(1, 2);
        BatchSigner signer = new BatchSigner(() -> failingOnce, 256, ONE_SIGNER);
        List<Future<BatchSigner.Signature>> answers = queueBehindAHeldSignature(signer, failingOnce, 5);
        assertTrue(verifies(0, answers.get(0).get(60, TimeUnit.SECONDS)));
        for (Future<BatchSigner.Signature> f : answers.subList(1, answers.size())) {
            java.util.concurrent.ExecutionException failed =
                    assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(60, TimeUnit.SECONDS));
            assertEquals("the key store is gone", failed.getCause().getMessage());
        }
        assertTrue(verifies(9, signer.sign(document(9))));
    }

    /** Many callers at once, with no help from the test: each one gets a signature that verifies, and no one waits for ever. */
    @Test
    void concurrentCallersAllGetAValidSignature() throws Exception {
        CountingKey key = new CountingKey(false);
        BatchSigner signer = new BatchSigner(() -> key, 8, ONE_SIGNER);
        assertEquals(16 * 150, signConcurrently(signer, 16, 150, s -> true));
        assertTrue(key.signatures.get() <= 16 * 150);
        assertEquals(0, signer.waiting());
    }

    /** While a signer is free, callers at once each sign their own document and no one queues. */
    @Test
    void whileASignerIsFreeNoOneQueues() throws Exception {
        CountingKey key = new CountingKey(false);
        BatchSigner signer = new BatchSigner(() -> key, 256, 8);
        assertEquals(
                8 * 100, signConcurrently(signer, 8, 100, s -> s.batchPath().isEmpty()));
        assertEquals(8 * 100, key.signatures.get(), "one signature per document");
        assertEquals(0, signer.waiting());
    }

    /** Two signers: a second caller signs alone while the first signature is still being made. */
    @Test
    void asManyCallersAsSignersSignAtOnce() throws Exception {
        CountingKey key = new CountingKey(true);
        BatchSigner signer = new BatchSigner(() -> key, 256, 2);
        Future<BatchSigner.Signature> first = threads.submit(() -> signer.sign(document(0)));
        await(key.heldStarted);
        BatchSigner.Signature second =
                threads.submit(() -> signer.sign(document(1))).get(60, TimeUnit.SECONDS);
        assertTrue(verifies(1, second));
        assertEquals(List.of(), second.batchPath(), "signed alone, while the first signature is still held");
        assertTrue(!first.isDone());
        key.releaseHeld.countDown();
        assertTrue(verifies(0, first.get(60, TimeUnit.SECONDS)));
        assertEquals(2, key.signatures.get());
    }

    /** {@code threadsCount} threads sign {@code each} documents at once; how many signatures verify and pass {@code check}. */
    private int signConcurrently(BatchSigner signer, int threadsCount, int each, Predicate<BatchSigner.Signature> check)
            throws Exception {
        List<Future<Integer>> workers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threadsCount; t++) {
            int base = t * each;
            workers.add(threads.submit(() -> {
                await(go);
                int valid = 0;
                for (int i = base; i < base + each; i++) {
                    BatchSigner.Signature s = signer.sign(document(i));
                    if (verifies(i, s) && check.test(s)) {
                        valid++;
                    }
                }
                return valid;
            }));
        }
        go.countDown();
        int valid = 0;
        for (Future<Integer> w : workers) {
            valid += w.get(120, TimeUnit.SECONDS);
        }
        return valid;
    }
}
