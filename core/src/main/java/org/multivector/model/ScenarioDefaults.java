package org.multivector.model;

import java.util.List;
import java.util.Optional;

/**
 * What a scenario proposes to the commands and the dashboard when a user does not say: the state its question is
 * about ({@code focus}: the default actor of {@code compare} and {@code sensitivity} and the state {@code run}'s
 * summary shows) and the strategies a comparison tries by default ({@code comparison}, the first the baseline).
 * Either may be absent: then the first regional state, and multi-vector, bandwagoning with each pole and neutral.
 */
public record ScenarioDefaults(Optional<String> focus, List<String> comparison) {
    public static final ScenarioDefaults NONE = new ScenarioDefaults(Optional.empty(), List.of());

    public ScenarioDefaults {
        focus = focus == null ? Optional.empty() : focus;
        comparison = List.copyOf(comparison);
    }
}
