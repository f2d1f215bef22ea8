package org.multivector.bargain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The nine model parameters of KTAB's Spatial Model of Politics (SPEC §3). Each enum constant
 * carries KTAB's name (as written in KTAB's XML files and shown by {@code describe}); the ordinal
 * is KTAB's integer code (as stored in its {@code ScenarioDesc} table).
 */
public record SmpParameters(
        VictoryProbModel victoryProbModel,
        PceModel pceModel,
        StateTransitions stateTransitions,
        VotingRule votingRule,
        BigRAdjust bigRAdjust,
        BigRRange bigRRange,
        ThirdPartyCommit thirdPartyCommit,
        InterVecBrgn interVecBrgn,
        BargnModel bargnModel)
        implements java.io.Serializable {

    /** A parameter's value: KTAB's name for it. */
    public interface Named {
        String ktabName();
    }

    /** Maps coalition strengths to a pairwise victory probability (§4.3). */
    public enum VictoryProbModel implements Named {
        LINEAR("Linear"),
        SQUARE("Square"),
        QUARTIC("Quartic"),
        OCTIC("Octic"),
        BINARY("Binary");
        private final String ktab;

        VictoryProbModel(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktabName() {
            return ktab;
        }
    }

    /** Turns pairwise probabilities into a distribution over options (§4.4). */
    public enum PceModel implements Named {
        CONDITIONAL("Conditional"),
        MARKOV_INCENTIVE("MarkovIncentive"),
        MARKOV_UNIFORM("MarkovUniform");
        private final String ktab;

        PceModel(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktabName() {
            return ktab;
        }
    }

    /** Most probable bargain, or one drawn by its probability (§8). */
    public enum StateTransitions implements Named {
        DETERMINISTIC("Deterministic"),
        STOCHASTIC("Stochastic");
        private final String ktab;

        StateTransitions(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktabName() {
            return ktab;
        }
    }

    /** How one actor votes between two options (§4.1). */
    public enum VotingRule implements Named {
        BINARY("Binary"),
        PROP_BIN("PropBin"),
        PROP("Prop"),
        PROP_CBC("PropCbc"),
        CUBIC("Cubic"),
        ASYM_PROSP("ASymProsp");
        private final String ktab;

        VotingRule(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktabName() {
            return ktab;
        }
    }

    /** How actor h blends its own and actor i's risk attitude when estimating i's utilities (§4.7). */
    public enum BigRAdjust implements Named {
        NONE("None"),
        ONE_THIRD("OneThird"),
        HALF("Half"),
        TWO_THIRDS("TwoThirds"),
        FULL("Full");
        private final String ktab;

        BigRAdjust(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktabName() {
            return ktab;
        }
    }

    /** Range of the inferred risk attitudes (§4.6). */
    public enum BigRRange implements Named {
        MIN("Min"),
        MID("Mid"),
        MAX("Max");
        private final String ktab;

        BigRRange(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktabName() {
            return ktab;
        }
    }

    /** How third parties value the outcomes of a contest they join (§6.2). */
    public enum ThirdPartyCommit implements Named {
        NO_COMMIT("NoCommit"),
        SEMI_COMMIT("SemiCommit"),
        FULL_COMMIT("FullCommit");
        private final String ktab;

        ThirdPartyCommit(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktabName() {
            return ktab;
        }
    }

    /** Bargain interpolation formula (§7.1). */
    public enum InterVecBrgn implements Named {
        S1P1("S1P1"),
        S2P2("S2P2"),
        S2PMAX("S2PMax");
        private final String ktab;

        InterVecBrgn(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktabName() {
            return ktab;
        }
    }

    /** Which bargains enter the actors' lists (§7.2). */
    public enum BargnModel implements Named {
        INIT_ONLY_INTERP("InitOnlyInterp"),
        INIT_RCVR_INTERP("InitRcvrInterp"),
        PW_COMP_INTERP("PWCompInterp");
        private final String ktab;

        BargnModel(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktabName() {
            return ktab;
        }
    }

    /** KTAB's defaults (the parameters every CSV run uses). */
    public static final SmpParameters DEFAULTS = new SmpParameters(
            VictoryProbModel.LINEAR,
            PceModel.CONDITIONAL,
            StateTransitions.DETERMINISTIC,
            VotingRule.PROP,
            BigRAdjust.ONE_THIRD,
            BigRRange.MID,
            ThirdPartyCommit.SEMI_COMMIT,
            InterVecBrgn.S2P2,
            BargnModel.INIT_ONLY_INTERP);

    /** KTAB's element names of the nine parameters, in the order of the record. */
    public static final List<String> NAMES = List.of(
            "VictoryProbModel",
            "PCEModel",
            "StateTransitions",
            "VotingRule",
            "BigRAdjust",
            "BigRRange",
            "ThirdPartyCommit",
            "InterVecBrgn",
            "BargnModel");

    public SmpParameters {
        Objects.requireNonNull(victoryProbModel, "VictoryProbModel");
        Objects.requireNonNull(pceModel, "PCEModel");
        Objects.requireNonNull(stateTransitions, "StateTransitions");
        Objects.requireNonNull(votingRule, "VotingRule");
        Objects.requireNonNull(bigRAdjust, "BigRAdjust");
        Objects.requireNonNull(bigRRange, "BigRRange");
        Objects.requireNonNull(thirdPartyCommit, "ThirdPartyCommit");
        Objects.requireNonNull(interVecBrgn, "InterVecBrgn");
        Objects.requireNonNull(bargnModel, "BargnModel");
    }

    /** The values in the order of {@link #NAMES}. */
    public List<Named> values() {
        return List.of(
                victoryProbModel,
                pceModel,
                stateTransitions,
                votingRule,
                bigRAdjust,
                bigRRange,
                thirdPartyCommit,
                interVecBrgn,
                bargnModel);
    }

    /** KTAB's integer codes in the order of {@link #NAMES} (its {@code ScenarioDesc} columns). */
    public int[] codes() {
        return values().stream().mapToInt(v -> ((Enum<?>) v).ordinal()).toArray();
    }

    /** The allowed KTAB names of the parameter called {@code name} (one of {@link #NAMES}). */
    public static List<String> allowed(String name) {
        return Arrays.stream(constants(name)).map(Named::ktabName).toList();
    }

    /**
     * A copy with parameter {@code name} (one of {@link #NAMES}, case-insensitive) set to the value
     * named {@code value} (KTAB's name, case-insensitive, or its integer code).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public SmpParameters with(String name, String value) {
        String key = canonicalName(name);
        Named[] options = constants(key);
        Named chosen = null;
        for (Named n : options) {
            if (n.ktabName().equalsIgnoreCase(value.trim())
                    || String.valueOf(((Enum<?>) n).ordinal()).equals(value.trim())) {
                chosen = n;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a value of " + key + " (expected one of " + allowed(key) + ")");
        }
        List<Named> v = new java.util.ArrayList<>(values());
        v.set(NAMES.indexOf(key), chosen);
        return new SmpParameters(
                (VictoryProbModel) v.get(0),
                (PceModel) v.get(1),
                (StateTransitions) v.get(2),
                (VotingRule) v.get(3),
                (BigRAdjust) v.get(4),
                (BigRRange) v.get(5),
                (ThirdPartyCommit) v.get(6),
                (InterVecBrgn) v.get(7),
                (BargnModel) v.get(8));
    }

    /** KTAB's spelling of a parameter name given in any case. */
    public static String canonicalName(String name) {
        for (String n : NAMES) {
            if (n.equalsIgnoreCase(name.trim())) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown model parameter '" + name + "' (expected one of " + NAMES + ")");
    }

    private static Named[] constants(String name) {
        return switch (canonicalName(name)) {
            case "VictoryProbModel" -> VictoryProbModel.values();
            case "PCEModel" -> PceModel.values();
            case "StateTransitions" -> StateTransitions.values();
            case "VotingRule" -> VotingRule.values();
            case "BigRAdjust" -> BigRAdjust.values();
            case "BigRRange" -> BigRRange.values();
            case "ThirdPartyCommit" -> ThirdPartyCommit.values();
            case "InterVecBrgn" -> InterVecBrgn.values();
            case "BargnModel" -> BargnModel.values();
            default -> throw new IllegalStateException(name);
        };
    }

    /** {@code VictoryProbModel=Linear, PCEModel=Conditional, …}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        List<Named> v = values();
        for (int i = 0; i < NAMES.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(NAMES.get(i)).append('=').append(v.get(i).ktabName());
        }
        return b.toString();
    }
}
