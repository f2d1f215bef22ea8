package org.multivector.model;

import java.util.List;
import java.util.Objects;

/**
 * A power the middle states balance between. {@code members} are the actors whose capabilities
 * make up the pole (WEST = USA + EU). The {@code residual} pole (OTHER) stands for the rest of the
 * world: it makes no pressure and has no coercive potential.
 */
public record Pole(String id, String name, List<String> members, boolean residual, PoleBehaviour behaviour) {
    public Pole {
        Objects.requireNonNull(id, "id");
        members = List.copyOf(members);
        Objects.requireNonNull(behaviour, "behaviour");
    }
}
