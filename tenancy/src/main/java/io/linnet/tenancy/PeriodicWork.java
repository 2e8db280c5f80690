package io.linnet.tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * A piece of background work every node repeats on a thread of its own, from when the context has
 * started until it stops: {@link #runOnce()} every {@link #interval()}. A failed round is logged (by
 * its kind only: no data) and the next one comes as planned.
 */
public abstract class PeriodicWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicWork.class);

    private final String name;
    private volatile boolean running;
    private volatile boolean stopped;
    private Thread thread;

    protected PeriodicWork(String name) {
        this.name = name;
    }

    /** How long to wait before each round. */
    protected abstract Duration interval();

    /** One round of the work. */
    protected abstract void runOnce();

    /** How long to wait before the first round; by default {@link #interval()}. */
    protected Duration firstDelay() {
        return interval();
    }

    /** Whether the context is stopping: long work checks it between its steps. */
    protected boolean stopped() {
        return stopped;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration wait = firstDelay();
        while (running) {
            try {
                Thread.sleep(wait);
                wait = interval();
                runOnce();
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException failed) {
                if (running) {
                    log.warn("{} failed; trying again in {} ({})", name, interval(), failed.getClass().getSimpleName());
                }
            }
        }
    }
}
