package org.multivector.study;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Byte encoding of partial results for {@link BlockJob#encode} and {@link BlockJob#decode}. */
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
        }
    }
}
