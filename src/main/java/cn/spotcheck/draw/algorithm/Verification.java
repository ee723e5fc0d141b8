package cn.spotcheck.draw.algorithm;

import java.util.List;
import java.util.stream.Stream;

/** Whether a recorded draw matches its recomputation; {@code problems} says in Chinese what differs. */
public record Verification(boolean valid, List<String> problems) {

    public Verification {
        problems = List.copyOf(problems);
        if (valid != problems.isEmpty()) {
            throw new IllegalArgumentException("valid must be true exactly when there are no problems");
        }
    }

    static Verification of(List<String> problems) {
        return new Verification(problems.isEmpty(), problems);
    }

    /** Both must hold. */
    public Verification and(Verification other) {
        return of(Stream.concat(problems.stream(), other.problems.stream()).toList());
    }
}
