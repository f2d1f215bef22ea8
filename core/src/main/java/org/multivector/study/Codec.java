package org.multivector.study;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Byte encoding of partial results for {@link BlockJob#encode} and {@link BlockJob#decode}. Decoding refuses bytes
 * left over after the reader is done (a damaged or foreign encoding).
 */
public final class Codec {
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    public interface Reader {
        void read(DataInputStream in) throws IOException;
    }

    private Codec() {}

    public static byte[] encode(Writer w) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            w.write(out);
        }
        return bytes.toByteArray();
    }

    public static void decode(byte[] bytes, Reader r) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            r.read(in);
            int rest = in.available(); // exact for an array
            if (rest != 0) {
                throw new IOException(rest + " bytes after the end of the encoded result");
            }
        }
    }
}
