package org.multivector.study;

import java.util.ArrayList;
import java.util.List;

/**
 * The channels through which a strategy can move the stability index, each switched off by setting its coefficients
 * to 0 (the mechanisms of docs/ODD.md, submodels 4-6). {@code compare} decomposes each strategy's ΔRSI by re-running
 * the comparison with one channel off at a time on the same random numbers (a one-at-a-time decomposition, as in
 * the factor-separation method of Stein &amp; Alpert 1993 without the interaction terms): the part a channel carries is
 * ΔRSI − ΔRSI without it; what the channels do not add up to is their interaction.
 */
public final class Channels {
    private Channels() {}

    /** A channel: its id, what it is, and the coefficients that switch it off. */
    public record Channel(String id, String description, List<String> parameters) {}

    public static final List<Channel> ALL = List.of(
            new Channel(
                    "alignment-tension",
                    "divergent alignment under rivalry raises tension",
                    List.of("tension-alignment")),
            new Channel(
                    "alignment-incidents",
                    "divergent alignment under rivalry raises incident risk",
                    List.of("incident-alignment")),
            new Channel(
                    "mediation",
                    "a balanced state mediates, lowering its neighbours' tension",
                    List.of("tension-mediation")),
            new Channel(
                    "hub",
                    "a dialogue hub (forums, summits, chairmanships) strengthens a state's mediation",
                    List.of("mediation-hub-gain")),
            new Channel(
                    "mediation-dilemma",
                    "a mediator whose parties clash is drawn in: its tension with both rises",
                    List.of("mediation-entanglement")),
            new Channel(
                    "status",
                    "regional status (capability, hub, standing as a mediator) sets whom neighbours emulate and how"
                            + " sharp a leadership rivalry is",
                    List.of("status-mediation", "status-parity")),
            new Channel(
                    "interdependence",
                    "trade interdependence lowers tension and incident risk",
                    List.of("tension-interdependence", "incident-interdependence")),
            new Channel(
                    "trade-diversion",
                    "a state's trade with its neighbours follows its trade outside the poles, so a tilt to one pole"
                            + " lowers regional interdependence",
                    List.of("regional-trade-elasticity")),
            new Channel(
                    "trade-creation",
                    "an economic institution two states joined after their trade was last observed raises their"
                            + " interdependence",
                    List.of("institution-trade-creation")),
            new Channel(
                    "corridors",
                    "after the last observation routes are built where ties go, raising the favoured pole's offers"
                            + " (lock-in)",
                    List.of("route-investment")),
            new Channel(
                    "institutions",
                    "shared institutions lower tension and incident risk",
                    List.of("tension-institutions", "incident-institutions")),
            new Channel(
                    "pressure",
                    "pole pressure raises fragility and unrest",
                    List.of("pressure-fragility", "unrest-pressure")),
            new Channel(
                    "pole-competition",
                    "poles match their rivals' offers (within a budget), so a tilt draws counter-offers",
                    List.of("offer-competition")),
            new Channel(
                    "emulation",
                    "neighbours move toward each other's ties (diffusion), so one state's strategy moves the others",
                    List.of("neighbour-emulation")),
            new Channel(
                    "debt",
                    "debt raises a creditor's coercive potential, which a multi-vector state weighs as dependence risk",
                    List.of("debt-coercion")),
            new Channel("disputes", "open disputes raise tension", List.of("tension-dispute")),
            new Channel(
                    "ethnic",
                    "an ethnic question sharpens with its states' fragility and eases with inclusive identity policy",
                    List.of("ethnic-mobilisation", "ethnic-inclusion")),
            new Channel(
                    "deterrence",
                    "border defence stops spill-over and deters incidents",
                    List.of("border-deterrence", "incident-defence")),
            new Channel("disparity", "economic disparity raises tension", List.of("tension-disparity")),
            new Channel("capability-ratio", "preponderance deters incidents", List.of("incident-capability-ratio")),
            new Channel("spill-over", "unrest spills over from neighbours", List.of("unrest-spillover")),
            new Channel(
                    "security-call",
                    "after unrest the state's security patron gains influence (an intervention called in)",
                    List.of("unrest-security-call")),
            new Channel(
                    "polarisation",
                    "the polarisation stressor of the index (a measure)",
                    List.of("rsi-weight-polarisation")));

    /** The channels whose coefficients the scenario has. */
    static List<Channel> of(ConfiguredScenario s) {
        List<Channel> out = new ArrayList<>();
        for (Channel c : ALL) {
            if (s.scenario().parameters().keySet().containsAll(c.parameters())) {
                out.add(c);
            }
        }
        return out;
    }
}
