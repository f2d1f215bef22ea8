package org.multivector.model;

/**
 * Results that could not be stored or read back: a full disk, a directory that cannot be written, a results
 * database another process holds for too long. Neither the user's input nor a defect: the command line exits with
 * 2 and {@link #getMessage()} (which names the path and what to do), the API answers 503 with {@link #publicMessage()}
 * (which names no path: a web page learns nothing of the machine's files).
 */
public class StorageException extends MultivectorException {
    private static final long serialVersionUID = 1L;

    private final String publicMessage;

    /**
     * @param message for the user at the machine: the path, the reason and what to do
     * @param publicMessage for a remote client: the same without paths or process ids
     */
    public StorageException(String message, String publicMessage, Throwable cause) {
        super(message, cause);
        this.publicMessage = publicMessage;
    }

    public String publicMessage() {
        return publicMessage;
    }

    /**
     * What an I/O exception says, with its path: Java's file-system exceptions often carry only the path ("/x/y")
     * and keep the reason in their type.
     */
    public static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + reason(e);
        }
        return reason(e);
    }

    /** An I/O exception's reason without any path (for remote clients). */
    public static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            return e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException
                            ? "no such file or directory"
                            : e instanceof java.nio.file.FileAlreadyExistsException
                                    ? "already exists (and is not a directory this tool can use)"
                                    : e instanceof java.nio.file.NotDirectoryException
                                            ? "not a directory"
                                            : e instanceof java.nio.file.DirectoryNotEmptyException
                                                    ? "directory not empty"
                                                    : "file system error";
        }
        // other I/O exceptions ("No space left on device") may still name a path: keep the last clause
        String m = String.valueOf(e.getMessage());
        int colon = m.lastIndexOf(": ");
        return colon >= 0 ? m.substring(colon + 2) : m.contains("/") ? "input/output error" : m;
    }
}
