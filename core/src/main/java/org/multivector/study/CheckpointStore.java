package org.multivector.study;

import java.io.IOException;
import java.util.Optional;

/**
 * Where resumable studies keep their checkpoints — a port of the study layer: {@code store} implements it
 * with files (append-only writes renamed into place), tests in memory. Core never touches files itself.
 */
public interface CheckpointStore {
    /** One study's checkpoint. */
    interface Slot {
        /**
         * The last checkpoint written, if any; refused (an {@link IOException} saying why) if it is not a regular
         * file or holds more than {@code maxBytes}, which is never read past.
         */
        Optional<byte[]> read(long maxBytes) throws IOException;

        /**
         * Replaces the checkpoint with {@code bytes}, atomically and durably: after a crash at any moment the
         * slot holds either the previous checkpoint or this one, whole.
         */
        void write(byte[] bytes) throws IOException;

        /** Removes the checkpoint (a finished study). */
        void delete() throws IOException;

        /** Where the checkpoint lives, for messages. */
        String describe();
    }

    /** The slot of a key (the study's directory name): letters, digits, '.', '_' and '-'. */
    Slot slot(String key);

    /** Keeps nothing: studies cannot be resumed. */
    CheckpointStore NONE = key -> new Slot() {
        @Override
        public Optional<byte[]> read(long maxBytes) {
            return Optional.empty();
        }

        @Override
        public void write(byte[] bytes) {}

        @Override
        public void delete() {}

        @Override
        public String describe() {
            return "no checkpoint";
        }
    };
}
