/**
 * Load generators and benchmark scenarios, run by {@code bench/run} against a real Linnet server
 * process; not part of the runnable jar.
 */
package io.linnet.bench;
