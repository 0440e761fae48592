package org.licentia.signing.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.licentia.client.document.SignatureBatch;

/**
 * Signs documents, in batches (see {@link SignatureBatch}) when more of them come at once than the
 * machine can sign at once. Up to {@code signers} callers (by default, one per processor) sign their
 * own document at once, alone, on their own threads, and no one waits. A caller that finds every
 * signer busy queues its document instead, and the next caller to finish a signature signs
 * everything queued with one signature, so the cost per document falls as the load grows while an
 * idle or moderately busy server answers as fast as a signature allows.
 *
 * <p>Why not always batch: a waiting caller is parked and woken again, two context switches, which
 * on a busy two-core machine cost 10 to 15 µs of CPU time (measured with async-profiler in the seat
 * benchmark), about as much as an Ed25519 signature on the same machine (22 µs). Batching every
 * document cost more CPU than it saved at 16 clients; beyond the processors, though, more signers
 * at once would only take turns on the same cores.
 */
public final class BatchSigner {

    /** The key a batch is signed with: taken per signature, so a key rotation applies to the next one. */
    public interface Key {
        String keyId();

        byte[] sign(byte[] message);
    }

    /** A document's share of a batch signature. */
    public record Signature(String keyId, byte[] value, List<String> batchPath) {}

    private final Supplier<Key> key;
    private final int maxBatch;
    private final Semaphore signers;
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();

    /** {@code maxBatch} bounds a path at log2(maxBatch) steps; one signer per processor. */
    public BatchSigner(Supplier<Key> key, int maxBatch) {
        this(key, maxBatch, Runtime.getRuntime().availableProcessors());
    }

    /** {@code signers}: how many signatures may be made at once before documents queue for a batch. */
    public BatchSigner(Supplier<Key> key, int maxBatch, int signers) {
        if (maxBatch < 1 || signers < 1) {
            throw new IllegalArgumentException("maxBatch and signers must be at least 1");
        }
        this.key = key;
        this.maxBatch = maxBatch;
        this.signers = new Semaphore(signers);
    }

    public Signature sign(byte[] canonical) {
        // Documents already waiting go first: a newcomer does not overtake them.
        if (queue.isEmpty() && signers.tryAcquire()) {
            try {
                return signAlone(canonical);
            } finally {
                signers.release();
                signWhatWaits();
            }
        }
        Waiting mine = new Waiting(canonical);
        queue.add(mine);
        signWhatWaits();
        return await(mine);
    }

    /**
     * Signs what is queued, batch by batch, as long as a signer is free. Every caller that releases
     * a signer comes here, so a document queued because every signer was busy is seen by the
     * caller whose release comes after it: no document waits for ever.
     */
    private void signWhatWaits() {
        while (!queue.isEmpty() && signers.tryAcquire()) {
            try {
                signBatch();
            } finally {
                signers.release();
            }
        }
    }

    private Signature signAlone(byte[] canonical) {
        Key k = key.get();
        byte[] value = k.sign(SignatureBatch.signedMessage(
                SignatureBatch.of(List.of(canonical)).root()));
        return new Signature(k.keyId(), value, List.of());
    }

    /** How many documents wait to be signed; for tests that line callers up behind a signature. */
    int waiting() {
        return queue.size();
    }

    private void signBatch() {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting w; batch.size() < maxBatch && (w = queue.poll()) != null; ) {
            batch.add(w);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            SignatureBatch.Tree tree =
                    SignatureBatch.of(batch.stream().map(w -> w.canonical).toList());
            Key k = key.get();
            byte[] value = k.sign(SignatureBatch.signedMessage(tree.root()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i)
                        .result
                        .complete(new Signature(k.keyId(), value, tree.paths().get(i)));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(w -> w.result.completeExceptionally(e));
        }
    }

    private static Signature await(Waiting waiting) {
        try {
            return waiting.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static final class Waiting {
        final byte[] canonical;
        final CompletableFuture<Signature> result = new CompletableFuture<>();

        Waiting(byte[] canonical) {
            this.canonical = canonical;
        }
    }
}
