package org.licentia.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Requests sent at once, for the tests that prove a limit holds under concurrency. */
final class Together {

    private Together() {}

    /**
     * Runs all tasks on {@code pool}, released together by a latch once every one is submitted, and
     * returns their results in the order of the tasks. The pool needs a thread per task for them all
     * to run at the same moment.
     */
    static <T> List<T> run(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }
}
