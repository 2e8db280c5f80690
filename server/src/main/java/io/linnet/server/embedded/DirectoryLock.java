package io.linnet.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a lock file, held for as long as this process uses what it guards. The
 * operating system lets go of it when the process dies, even by {@code kill -9}, so a crashed server
 * never leaves a lock behind; a second server on the same directory is refused at start instead of
 * sharing, or killing, the first one's PostgreSQL and Redis.
 */
public final class DirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code lockFile}, or fails with a message naming {@code what} and the process that holds it. */
    public static DirectoryLock acquire(Path lockFile, String what) {
        FileChannel channel = null;
        try {
            PrivateFiles.emptyFile(lockFile);
            channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
                channel.close();
                throw new IllegalStateException(what + " is in use by another Linnet server"
                        + (holder.isEmpty() ? "" : " (process " + holder + ")")
                        + ": stop that one first, or give this one a data directory of its own (LINNET_DATA_DIR)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            return new DirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not lock " + lockFile, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
