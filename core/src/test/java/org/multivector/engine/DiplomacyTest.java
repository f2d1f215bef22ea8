package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.multivector.model.Effect;
import org.multivector.model.Event;
import org.multivector.model.Provenance;
import org.multivector.model.Quantity;
import org.multivector.model.Scenario;

/**
 * The claims of the seed texts that issue 14 left open, each a mechanism that switched off loses its effect:
 * mediation as a choice (non-interference) and a dialogue hub as capacity, the mediation dilemma, regional status
 * driving a leadership rivalry and the neighbours' emulation, identity policy and nationalist mobilisation in an
 * ethnic question, border defence against spill-over and incidents, corridors built where ties go, and trade
 * creation by shared economic institutions. On the prior (documented coefficients) without shocks.
 */
class DiplomacyTest {
    static final Provenance TEST = Provenance.assumption("test");

    static Scenario calm(Object... nameValue) {
        return ResponsesTest.calm(nameValue);
    }

    /** The scenario with extra effects in one year, after the scenario's own events of that year. */
    static Scenario with(Scenario s, int year, Effect... effects) {
        List<Event> events = new ArrayList<>(s.events());
        events.add(new Event("test-" + year, year, "test", TEST, List.of(effects)));
        return new Scenario(
                s.name(),
                s.title(),
                s.time(),
                s.dimensions(),
                s.poles(),
                s.actors(),
                s.ties(),
                s.interdependence(),
                s.institutions(),
                s.borders(),
                s.disputes(),
                s.routes(),
                events,
                s.poleRelations(),
                s.initialRivalry(),
                s.strategies(),
                s.parameters(),
                s.defaults(),
                s.hash() + "+test" + events.size());
    }

    static Quantity q(double v) {
        return new Quantity(v, TEST);
    }

    static double value(Scenario s, int year, String subject, String name) {
        return new Engine(CompiledScenario.of(s)).run(5, 0).value(year, subject, name);
    }

    @Test
    void nonInterference_withdrawsAStatesMediation_andAHubRaisesIt() {
        // Kazakhstan can mediate between Kyrgyzstan and Tajikistan (a dyad with each); status and entanglement off, so
        // mediation reaches the pair's tension only through the offer
        Scenario base = calm("status-mediation", 0.0, "mediation-entanglement", 0.0, "tension-mediation", 2.0);
        Scenario declines = with(base, 2024, new Effect.Mediation("KAZ", q(0)));
        Scenario offers = with(base, 2024, new Effect.Mediation("KAZ", q(1)));
        Scenario hub = with(base, 2024, new Effect.Mediation("KAZ", q(1)), new Effect.Hub("KAZ", q(1)));
        double none = value(declines, 2030, "KGZ-TJK", "tension");
        double offered = value(offers, 2030, "KGZ-TJK", "tension");
        double withHub = value(hub, 2030, "KGZ-TJK", "tension");
        assertThat(offered).as("Kazakhstan's offer calms the pair").isLessThan(none - 1e-4);
        assertThat(withHub).as("a hub makes the offer stronger").isLessThan(offered - 1e-4);
        Scenario noGain = base.withParameter("mediation-hub-gain", 0);
        assertThat(value(
                        with(noGain, 2024, new Effect.Mediation("KAZ", q(1)), new Effect.Hub("KAZ", q(1))),
                        2030,
                        "KGZ-TJK",
                        "tension"))
                .isEqualTo(value(with(noGain, 2024, new Effect.Mediation("KAZ", q(1))), 2030, "KGZ-TJK", "tension"));
        Scenario off = base.withParameter("tension-mediation", 0);
        assertThat(value(with(off, 2024, new Effect.Mediation("KAZ", q(0))), 2030, "KGZ-TJK", "tension"))
                .isEqualTo(value(with(off, 2024, new Effect.Mediation("KAZ", q(1))), 2030, "KGZ-TJK", "tension"));
    }

    /** A random source whose every draw is 0: every contiguous dyad has an incident. */
    static final UniformRandomProvider ALWAYS = () -> 0L;

    @Test
    void anIncidentInAMediatedDyad_drawsTheMediatorIn() {
        for (double entangle : new double[] {0.2, 0.0}) {
            Scenario s = calm("mediation-entanglement", entangle);
            CompiledScenario c = CompiledScenario.of(s);
            RunState st = new RunState(c);
            st.reset();
            int y = 2025 - c.firstYear;
            java.util.Arrays.fill(st.tension, 0.3);
            int kaz = CompiledScenario.indexOf(c.states, "KAZ");
            int kgz = CompiledScenario.indexOf(c.states, "KGZ");
            int uzb = CompiledScenario.indexOf(c.states, "UZB");
            int q = c.dyadIndex[kgz * c.nN + uzb];
            st.mediator[q] = kaz;
            st.mediationEffort[kaz] = 0.5;
            IncidentRule.apply(st, y, ALWAYS, null);
            assertThat(st.incident[q]).isTrue();
            // the Kyrgyz-Kazakh dyad had its own incident (contiguous); the Kazakh-Uzbek one too: each rose by the
            // incident's jump and, when Kazakhstan mediated a dyad that fought, by the entanglement times its effort
            double jump = c.param(org.multivector.model.ParameterKey.INCIDENT_TENSION_JUMP);
            int qa = c.dyadIndex[kaz * c.nN + kgz];
            assertThat(st.tension[qa]).isCloseTo(0.3 + jump + entangle * 0.5, offset(1e-12));
        }
    }

    @Test
    void regionalStatus_followsCapabilityAndStanding_andDrivesTheLeadershipRivalry() {
        Scenario base = calm("status-parity", 2.0, "status-mediation", 1.0);
        double plain = value(base, 2030, "KAZ", "status");
        double withHub = value(with(base, 2024, new Effect.Hub("KAZ", q(1))), 2030, "KAZ", "status");
        assertThat(withHub).as("a hub raises Kazakhstan's status").isGreaterThan(plain + 0.01);
        // statuses are shares over the five states
        double sum = 0;
        for (String st : List.of("KAZ", "UZB", "KGZ", "TJK", "TKM")) {
            sum += value(base, 2030, st, "status");
        }
        assertThat(sum).isCloseTo(1, offset(1e-9));
        // without standing, status is capability: the hub changes nothing
        Scenario capability = calm("status-mediation", 0.0);
        assertThat(value(with(capability, 2024, new Effect.Hub("KAZ", q(1))), 2030, "KAZ", "status"))
                .isEqualTo(value(capability, 2030, "KAZ", "status"));
        // the leadership rivalry with Uzbekistan follows status parity (while it was sharp, before 2016): Kazakhstan,
        // the larger, pulls ahead with a hub, so parity and the pair's tension fall, and only when parity counts
        Scenario fixed = calm("status-parity", 0.0, "status-mediation", 3.0, "neighbour-emulation", 0.0);
        Scenario parity = calm("status-parity", 4.0, "status-mediation", 3.0, "neighbour-emulation", 0.0);
        assertThat(value(parity, 2012, "KAZ", "status")).isGreaterThan(value(parity, 2012, "UZB", "status"));
        double fixedEffect = value(with(fixed, 2005, new Effect.Hub("KAZ", q(1))), 2012, "KAZ-UZB", "tension")
                - value(fixed, 2012, "KAZ-UZB", "tension");
        double parityEffect = value(with(parity, 2005, new Effect.Hub("KAZ", q(1))), 2012, "KAZ-UZB", "tension")
                - value(parity, 2012, "KAZ-UZB", "tension");
        assertThat(parityEffect).as("fixed " + fixedEffect).isLessThan(fixedEffect - 1e-3);
    }

    @Test
    void anEthnicQuestion_sharpensUnderStress_andEasesWithInclusion() {
        Scenario base = calm("ethnic-mobilisation", 2.0, "ethnic-inclusion", 0.8);
        double calmYear = value(base, 2027, "KAZ-RUS", "tension");
        double stressed = value(with(base, 2025, new Effect.Fragility("KAZ", q(0.4))), 2027, "KAZ-RUS", "tension");
        Scenario noMobilisation = calm("ethnic-mobilisation", 0.0, "ethnic-inclusion", 0.8);
        double stressedWithout =
                value(with(noMobilisation, 2025, new Effect.Fragility("KAZ", q(0.4))), 2027, "KAZ-RUS", "tension")
                        - value(noMobilisation, 2027, "KAZ-RUS", "tension");
        assertThat(stressed - calmYear)
                .as("domestic stress sharpens the minority question")
                .isGreaterThan(stressedWithout + 1e-4);
        double inclusive = value(with(base, 2024, new Effect.Identity("KAZ", q(1))), 2030, "KAZ-RUS", "tension");
        double exclusive = value(with(base, 2024, new Effect.Identity("KAZ", q(0))), 2030, "KAZ-RUS", "tension");
        assertThat(inclusive).as("inclusion eases it").isLessThan(exclusive - 1e-4);
        Scenario off = calm("ethnic-mobilisation", 2.0, "ethnic-inclusion", 0.0);
        assertThat(value(with(off, 2024, new Effect.Identity("KAZ", q(1))), 2030, "KAZ-RUS", "tension"))
                .isEqualTo(value(with(off, 2024, new Effect.Identity("KAZ", q(0))), 2030, "KAZ-RUS", "tension"));
    }

    @Test
    void borderDefence_stopsSpillOver_andDetersIncidents_orProvokesThem() {
        // Tajikistan borders Afghanistan, the spill-over source
        Scenario det = calm("border-deterrence", 1.0, "incident-defence", 0.0);
        double open = value(with(det, 2024, new Effect.Defence("TJK", q(0))), 2030, "TJK", "unrest.p");
        double defended = value(with(det, 2024, new Effect.Defence("TJK", q(1))), 2030, "TJK", "unrest.p");
        assertThat(defended).isLessThan(open);
        Scenario noDet = calm("border-deterrence", 0.0, "incident-defence", 0.0);
        assertThat(value(with(noDet, 2024, new Effect.Defence("TJK", q(1))), 2030, "TJK", "unrest.p"))
                .isEqualTo(value(with(noDet, 2024, new Effect.Defence("TJK", q(0))), 2030, "TJK", "unrest.p"));
        // deterrence by denial lowers the hazard on the defended border; the security dilemma raises it
        for (double sign : new double[] {1, -1}) {
            Scenario s = calm("border-deterrence", 0.0, "incident-defence", sign);
            double h0 = value(with(s, 2024, new Effect.Defence("TJK", q(0))), 2030, "KGZ-TJK", "hazard");
            double h1 = value(with(s, 2024, new Effect.Defence("TJK", q(1))), 2030, "KGZ-TJK", "hazard");
            assertThat(Math.signum(h0 - h1)).as("sign " + sign).isEqualTo(sign);
        }
    }

    @Test
    void corridorsFollowTies_soAnOfferLocksItselfIn() {
        // after the last observation Kazakhstan's energy routes follow its energy ties; a doubled Chinese energy offer
        // draws multi-vector Kazakhstan's ties toward China, the routes follow, and through the route bonus China's
        // offer, and the ties, rise further
        double lockIn = pull(calm("route-investment", 0.2));
        double held = pull(calm("route-investment", 0.0));
        assertThat(lockIn).as("held " + held).isGreaterThan(held + 1e-3);
    }

    static double pull(Scenario s) {
        Effect offer = new Effect.Offer("CHN", "energy", "KAZ", q(2));
        return value(with(s, 2024, offer), 2030, "KAZ", "share.energy.CHN") - value(s, 2030, "KAZ", "share.energy.CHN");
    }

    @Test
    void anEconomicUnionJoinedAfterTheLastObservation_createsTrade_andCalmsThePair() {
        // Kazakhstan and Kyrgyzstan joined the EAEU in 2015, after COW's last year: trade creation raises their
        // interdependence and lowers their tension
        double created = value(calm("institution-trade-creation", 1.0), 2020, "KAZ-KGZ", "tension");
        double none = value(calm("institution-trade-creation", 0.0), 2020, "KAZ-KGZ", "tension");
        assertThat(created).isLessThan(none - 1e-4);
        // a pair that joined nothing new moves only through the others (mediation, incidents), far less
        double other = value(calm("institution-trade-creation", 1.0), 2020, "UZB-TKM", "tension")
                - value(calm("institution-trade-creation", 0.0), 2020, "UZB-TKM", "tension");
        assertThat(Math.abs(other)).isLessThan((none - created) / 10);
    }
}
