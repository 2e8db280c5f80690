/**
 * Load generators and benchmark scenarios; not part of the runnable jar.
 */
package io.linnet.bench;
