package dev.cutout.publisher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The studio's folder of finished cutouts. Files appear whole (written beside, then renamed), named
 * {@code <photo id>.<profile>.<ext>} so that a replay overwrites instead of adding a copy.
 */
public final class Outbox {

    private final Path dir;

    public Outbox(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the outbox " + this.dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public static String fileName(String photoId, OutputProfile profile) {
        return photoId + "." + profile.name() + "." + profile.format().extension();
    }

    public Path write(String photoId, OutputProfile profile, byte[] content) {
        Path target = dir.resolve(fileName(photoId, profile));
        Path partial = dir.resolve("." + target.getFileName() + ".part");
        try {
            Files.write(partial, content);
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
