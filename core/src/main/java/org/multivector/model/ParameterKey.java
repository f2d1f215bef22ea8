package org.multivector.model;

import java.util.Locale;

/**
 * Every coefficient the engine reads. A scenario's {@code parameters} block must give each one a
 * value, a plausible range and its provenance; the loader reports missing and unknown names.
 * {@code docs/ODD.md} explains where each enters the dynamics.
 */
public enum ParameterKey {
    DEPENDENCE_AVERSION("lambda: weight of dependence risk sum_p k_p s_p^2 in the multi-vector objective"),
    AUTONOMY_WEIGHT("eta: weight of the normalised entropy of shares (autonomy) in the multi-vector objective"),
    BANDWAGON_WEIGHT("share of a bandwagoning state's target placed on its chosen pole"),
    BALANCE_FLOOR("share a balancing state keeps with the pole it balances against"),
    NEUTRAL_DISENGAGEMENT("share of a neutral state's target placed with the residual (non-aligned) partner"),
    OFFER_CAPABILITY_ELASTICITY("gamma: elasticity of a pole's offer to its capability share"),
    INSTITUTION_OFFER_BONUS("relative offer bonus per institution shared with the pole in the dimension's domain"),
    PROXIMITY_OFFER_BONUS(
            "relative offer bonus (all dimensions but diplomacy) of a pole that borders the state (gravity: distance)"),
    ROUTE_OFFER_BONUS("relative offer bonus of a pole at full share of a state's infrastructure routes"),
    ROUTE_INVESTMENT("share of the gap between a state's routes and its ties in the route's dimension closed per year"
            + " after the last observation (corridors and pipelines are built where ties and offers go)"),
    RESIDUAL_OFFER("offer of the residual partner (rest of the world) relative to the mean pole offer"),
    OFFER_COMPETITION(
            "mu: relative offer increase per unit of a rival pole's lead in last year's offers to the same state and"
                    + " dimension, weighted by the poles' rivalry"),
    OFFER_BUDGET_SLACK("share by which a pole's offers, summed over states and dimensions, may exceed the sum of its"
            + " capability-based offers (its budget)"),
    OFFER_SHOCK_SD("sd of the yearly innovation of the log climate between a pole and a state (multiplies its offers)"),
    OFFER_SHOCK_PERSISTENCE("AR(1) persistence of the log climate between a pole and a state"),
    DEBT_COERCION("relative rise of a pole's coercive potential over a state per unit of the state's debt stock with it"
            + " (debt dimensions)"),
    DEBT_REPAYMENT("share of a debt stock repaid or written off per year"),
    NEIGHBOUR_EMULATION(
            "alpha: weight of the capability-weighted mean ties of contiguous regional neighbours in the target of a"
                    + " state that does not follow a neutral strategy (diffusion)"),
    TIE_AFFINITY_LEARNING(
            "omega: share of the gap between observed ties and the policy target that a state's affinity (the part of"
                    + " its ties offers do not explain) takes up each observed year"),
    PRESSURE_MEMORY("rate at which a pole's reference alignment follows actual alignment"),
    PRESSURE_LOSS_AVERSION(
            "share of an alignment loss a pole's reference does not follow (0: losses like gains; 1: a pole never"
                    + " accepts a loss)"),
    PRESSURE_OFFER("relative boost of a pressing pole's security and energy offers per unit pressure"),
    PRESSURE_FRAGILITY("fragility added per unit pressure"),
    TENSION_ADJUSTMENT("kappa: share of the gap to equilibrium tension closed per year"),
    TENSION_BASE("intercept of the equilibrium-tension logit"),
    TENSION_DISPUTE("logit weight of the summed intensity of open disputes"),
    TENSION_DISPARITY("logit weight of the log GDP-per-capita gap (decades)"),
    TENSION_ALIGNMENT("logit weight of alignment distance times great-power rivalry"),
    TENSION_INCIDENT("logit weight of the incident memory"),
    TENSION_INTERDEPENDENCE("logit weight (negative effect) of Barbieri trade interdependence"),
    REGIONAL_TRADE_ELASTICITY(
            "elasticity of two regional states' interdependence, after its last observation, to each one's trade share"
                    + " outside the poles (trade diversion; 0 holds the last observed value)"),
    INSTITUTION_TRADE_CREATION("log rise of two parties' interdependence, after its last observation, per shared"
            + " economic institution they gained since (trade creation)"),
    TENSION_INSTITUTIONS("logit weight (negative effect) of shared institutions"),
    TENSION_CBM("logit weight (negative effect) of confidence-building measures"),
    TENSION_MEDIATION("logit weight (negative effect) of mediation by a balanced third state"),
    MEDIATION_HUB_GAIN("relative rise of a mediator's offer at full dialogue-hub capacity"),
    MEDIATION_ENTANGLEMENT(
            "tension added between a mediator and each party, times its effort, when the dyad it mediates has an"
                    + " incident"),
    STATUS_MEDIATION("relative rise of a state's regional status per unit of its standing (dialogue-hub capacity plus"
            + " its remembered mediation of dyads without incidents)"),
    STATUS_PARITY("exponent of the parties' status parity on the intensity of a status dispute (0: fixed intensity)"),
    ETHNIC_MOBILISATION("relative rise of an ethnic dispute's intensity per unit of its regional parties' mean"
            + " fragility above their baseline (nationalist mobilisation)"),
    ETHNIC_INCLUSION(
            "share of an ethnic dispute's intensity removed at full inclusion of its regional parties' identity"
                    + " policies (civic citizenship, minority language and representation)"),
    INCIDENT_BASE("intercept of the dyadic incident hazard logit"),
    INCIDENT_TENSION("incident logit weight of tension"),
    INCIDENT_CAPABILITY_RATIO("incident logit weight of the log capability ratio (parity raises hazard when negative)"),
    INCIDENT_INSTITUTIONS("incident logit weight (negative effect) of shared institutions"),
    INCIDENT_INTERDEPENDENCE("incident logit weight (negative effect) of trade interdependence"),
    INCIDENT_ALIGNMENT("incident logit weight of alignment distance times rivalry"),
    INCIDENT_FRAGILITY("incident logit weight of the dyad's mean fragility"),
    INCIDENT_DEFENCE("incident logit weight (negative effect) of the dyad's mean border defence (deterrence by denial;"
            + " a negative value is the security dilemma)"),
    INCIDENT_MEMORY_DECAY("share of incident memory kept from one year to the next"),
    INCIDENT_TENSION_JUMP("tension added to a dyad by an incident"),
    INCIDENT_FRAGILITY_JUMP("fragility added to both states by an incident"),
    UNREST_BASE("intercept of the internal-unrest logit"),
    UNREST_FRAGILITY("unrest logit weight of fragility"),
    UNREST_PRESSURE("unrest logit weight of great-power pressure"),
    UNREST_SPILLOVER("unrest logit weight of neighbouring instability (spill-over)"),
    BORDER_DETERRENCE("share of the spill-over into unrest that a state's border defence stops at full level"),
    UNREST_FRAGILITY_JUMP("fragility added by an unrest episode"),
    UNREST_SECURITY_CALL("relative security-offer boost of the lead of the state's security institution after unrest"),
    FRAGILITY_RECOVERY("share of the gap to baseline fragility closed per year"),
    FRAGILITY_SHOCK_SD("sd of the yearly normal shock to a state's fragility"),
    RIVALRY_SIGN_THRESHOLD("rivalry at or above which two poles count as adversaries in the signed network"),
    RSI_WEIGHT_HAZARD("RSI weight of the incident-hazard stressor"),
    RSI_WEIGHT_UNREST("RSI weight of the unrest stressor"),
    RSI_WEIGHT_POLARISATION("RSI weight of the polarisation stressor"),
    RSI_WEIGHT_INSTITUTIONS("RSI weight of the institutional-deficit stressor"),
    RSI_HAZARD_SCALE("mean annual incident hazard at which the hazard stressor reaches 1-1/e"),
    RSI_UNREST_SCALE("mean annual unrest probability at which the unrest stressor reaches 1-1/e"),
    RSI_INSTITUTION_SCALE("mean shared institutions per dyad at which the institutional deficit falls to 1/e");

    private final String meaning;

    ParameterKey(String meaning) {
        this.meaning = meaning;
    }

    /** The name used in scenario files, e.g. {@code dependence-aversion}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String meaning() {
        return meaning;
    }

    /**
     * Whether the parameter only defines a measurement (the RSI's weights and scales, the structural-balance
     * threshold) and never enters the dynamics, so no observed pattern can inform it: calibration leaves it alone.
     */
    public boolean measurementOnly() {
        return name().startsWith("RSI_") || this == RIVALRY_SIGN_THRESHOLD;
    }

    /**
     * Whether the parameter defines a counterfactual strategy (how far a bandwagoning state tilts, what a balancing
     * state keeps, what a neutral state withholds). A definition is a documented target, not fitted behaviour: fitted
     * to the states that follow the strategy in the record, a counterfactual would mean whatever they did (issue 14:
     * bandwagoning became a 30 % tilt when fitted to Kyrgyzstan and Tajikistan). Calibration leaves it alone.
     */
    public boolean definesStrategy() {
        return this == BANDWAGON_WEIGHT || this == BALANCE_FLOOR || this == NEUTRAL_DISENGAGEMENT;
    }

    /** Whether calibration fits the parameter: not a measurement and not a strategy's definition. */
    public boolean fittable() {
        return !measurementOnly() && !definesStrategy();
    }

    public static java.util.Optional<ParameterKey> fromId(String id) {
        for (ParameterKey k : values()) {
            if (k.id().equals(id)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
