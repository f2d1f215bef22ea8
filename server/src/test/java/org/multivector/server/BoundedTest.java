package org.multivector.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundedTest {
    @Test
    void map_keepsAtMostItsSize_droppingTheLeastRecentlyUsed() {
        Map<Integer, String> m = Bounded.map(3);
        for (int i = 0; i < 3; i++) {
            Bounded.computeIfAbsent(m, i, String::valueOf);
        }
        m.get(0); // used: 1 is now the least recently used
        Bounded.computeIfAbsent(m, 9, String::valueOf);
        assertThat(m).hasSize(3).containsKeys(0, 2, 9).doesNotContainKey(1);
        int[] computed = {0};
        Bounded.computeIfAbsent(m, 9, k -> {
            computed[0]++;
            return "x";
        });
        assertThat(computed[0]).isZero();
        assertThat(m.get(9)).isEqualTo("9");
    }
}
