package org.multivector.engine;

import java.util.Arrays;
import org.multivector.engine.policy.BalanceAgainstPolicy;
import org.multivector.engine.policy.BandwagonPolicy;
import org.multivector.engine.policy.MultiVectorPolicy;
import org.multivector.engine.policy.NeutralPolicy;
import org.multivector.engine.policy.Policy;
import org.multivector.model.ParameterKey;
import org.multivector.model.StrategySpec;

/**
 * The mutable state of one run, in primitive arrays indexed by state, pole, dimension and dyad.
 * Allocated once per engine and reset per run, so the step loop allocates nothing. Not
 * thread-safe: one per thread.
 */
final class RunState {
    private static final int STRATEGIES_KEPT = 64; // strategies whose policies a state keeps made

    final CompiledScenario c;
    final double[] share; // current ties [(i*nP+p)*nD+d]
    final double[] free; // shadow ties never re-anchored (drift of the free model)
    final double[] target;
    // the policy's own answer last year, before diffusion and affinity: what its solve starts from
    final double[] solved;
    final double[] offer;
    final double[] offerFactor;
    final double[] pressure; // [i*nP+p]
    final double[] refAlign; // [i*nP+p]
    final double[] align; // [i*nP+p]
    final double[] tension; // per dyad [q]
    final double[] incidentMemory;
    final double[] cbm;
    final double[] hazard;
    final boolean[] incident;
    final double[] fragility;
    final double[] unrestP;
    final boolean[] unrest;
    final double[] securityCall;
    final double[] balance; // overall, per state
    final double[] balanceDim; // per state and dimension [i*nD+d]
    final double[] sscore; // S-score of the current ties per dyad [q] (NaN for a party without ties)
    final double[] divergence; // rivalry-weighted divergence of the parties' ties per dyad [q], 0..1
    final double[] interdep; // the dyad's interdependence this year [q] (TensionRule writes, IncidentRule reads)
    final double[] disputed; // the summed intensity of the dyad's open disputes this year [q] (the same)
    final double[] disputeIntensity;
    final double[] driftStep;
    final double[] driftFree;
    final double[] affinity; // [(i*nP+p)*nD+d] the part of observed ties the policy target does not explain
    final double[]
            tradeRef; // [2q], [2q+1]: the parties' trade shares outside the poles in the pair's last observed year
    final boolean[] settled; // [j] negotiated dispute j settled in this run
    final double[] debt; // [i*nP+p] state i's debt stock with pole p
    final double[] kEff; // [i*nP+p] pole p's coercive potential over state i, raised by the debt
    final double[] climate; // log climate between state i and pole p [i*nP+p] (AR(1) offer shock)
    final double[] move; // [i*nD+d] the total-variation change of state i's ties in dimension d this year
    final double[] mediationEffort; // [i] 0 non-interference .. 1 full offer (events set it)
    final double[] hub; // [i] dialogue-hub capacity 0..1 (events invest in it)
    final double[] defence; // [i] border defence 0..1 (events set it)
    final double[] inclusion; // [i] identity policy: inclusion of minorities 0..1 (events set it)
    final double[] standing; // [i] remembered mediation of disputed dyads that stayed without incidents
    final double[] status; // [i] regional status: capability times (1 + w (hub + standing)), shares over the states
    final int[] mediator; // [q] the third state whose mediation offer the dyad takes this year, -1 if none
    final double[] mediationOffer; // [q] that offer
    final double[] routeShare; // [(i*nP+p)*nD+d] this year's share of the state's routes in the dimension
    final int[] sign;
    // each state's strategy as phases: the policy in force from year index phaseFrom[i][k] on
    final Policy[][] phasePolicy;
    final int[][] phaseFrom;
    // the scenario's own strategies, restored before a history is simulated
    private final Policy[][] scenarioPolicy;
    private final int[][] scenarioFrom;
    // the phases made for each strategy this state was set to (by value), so a comparison that sets the same
    // strategies run after run makes their policies once; states may share a policy, whose scratch lives only within
    // one target; bounded, for callers that set ever new schedules
    private final java.util.Map<StrategySpec, Phases> strategies = new java.util.HashMap<>();
    double rivalry;
    // scratch
    final double[] o;
    final double[] k;
    final double[] t;
    final double[] w;
    final double[] prevOffer; // [p] last year's offers to one state in one dimension
    final double[] ahead; // [p] scratch: how far one state's ties with each pole exceed another's
    final double[] behind; // [p] scratch: and fall short of them
    final double[] climateFactor; // [p] scratch: exp(climate) of one state with each pole this year
    final double[] baseTotal; // [p] a pole's capability-based offers summed this year (its budget)
    final double[] offerTotal; // [p] its offers after competition
    final double[] neighbourMean; // [(i*nP+p)*nD+d] capability-weighted sum of contiguous neighbours' ties
    final double[] neighbourWeight; // [i] their summed capability

    RunState(CompiledScenario c) {
        this.c = c;
        int nR = c.nR;
        int nP = c.nP;
        int nD = c.nD;
        share = new double[nR * nP * nD];
        free = new double[nR * nP * nD];
        target = new double[nR * nP * nD];
        solved = new double[nR * nP * nD];
        offer = new double[nR * nP * nD];
        offerFactor = new double[nR * nP * nD];
        pressure = new double[nR * nP];
        refAlign = new double[nR * nP];
        align = new double[nR * nP];
        int nQ = c.nQ;
        tension = new double[nQ];
        incidentMemory = new double[nQ];
        cbm = new double[nQ];
        hazard = new double[nQ];
        incident = new boolean[nQ];
        fragility = new double[nR];
        unrestP = new double[nR];
        unrest = new boolean[nR];
        securityCall = new double[nR];
        balance = new double[nR];
        balanceDim = new double[nR * nD];
        sscore = new double[nQ];
        divergence = new double[nQ];
        interdep = new double[nQ];
        disputed = new double[nQ];
        disputeIntensity = new double[c.nDisputes];
        driftStep = new double[nR];
        driftFree = new double[nR];
        affinity = new double[nR * nP * nD];
        tradeRef = new double[2 * c.nQ];
        settled = new boolean[c.talks.length];
        debt = new double[nR * nP];
        kEff = new double[nR * nP];
        climate = new double[nR * nP];
        move = new double[nR * nD];
        mediationEffort = new double[nR];
        hub = new double[nR];
        defence = new double[nR];
        inclusion = new double[nR];
        standing = new double[nR];
        status = new double[nR];
        mediator = new int[nQ];
        mediationOffer = new double[nQ];
        routeShare = new double[nR * nP * nD];
        prevOffer = new double[nP];
        climateFactor = new double[nP];
        ahead = new double[nP];
        behind = new double[nP];
        baseTotal = new double[nP];
        offerTotal = new double[nP];
        neighbourMean = new double[nR * nP * nD];
        neighbourWeight = new double[nR];
        int nodes = nR + nP;
        sign = new int[nodes * nodes];
        o = new double[nP];
        k = new double[nP];
        t = new double[nP];
        w = new double[nP * nD];
        for (int p = 0; p < nP; p++) {
            for (int d = 0; d < nD; d++) {
                w[p * nD + d] = c.salience[d];
            }
        }
        phasePolicy = new Policy[nR][];
        phaseFrom = new int[nR][];
        for (int i = 0; i < nR; i++) {
            setStrategy(i, c.strategies[i]);
        }
        scenarioPolicy = phasePolicy.clone();
        scenarioFrom = phaseFrom.clone();
    }

    /** Puts back the scenario's own strategies (after counterfactual {@link #setStrategy} calls). */
    void restoreStrategies() {
        System.arraycopy(scenarioPolicy, 0, phasePolicy, 0, phasePolicy.length);
        System.arraycopy(scenarioFrom, 0, phaseFrom, 0, phaseFrom.length);
    }

    /** Sets state i's strategy, a rule or a schedule of rules (also for counterfactual branches). */
    void setStrategy(int i, StrategySpec s) {
        Phases phases = strategies.get(s);
        if (phases == null) {
            if (strategies.size() >= STRATEGIES_KEPT) {
                strategies.clear();
            }
            phases = phasesOf(s);
            strategies.put(s, phases);
        }
        phasePolicy[i] = phases.policies;
        phaseFrom[i] = phases.from;
    }

    private Phases phasesOf(StrategySpec s) {
        java.util.List<StrategySpec> rules = s.rules();
        Policy[] ps = new Policy[rules.size()];
        int[] from = new int[rules.size()];
        for (int k = 0; k < ps.length; k++) {
            StrategySpec r = rules.get(k);
            ps[k] = policyFor(r, r.pole() == null ? -1 : CompiledScenario.indexOf(c.poles, r.pole()));
            from[k] = k == 0
                    ? Integer.MIN_VALUE
                    : ((StrategySpec.Schedule) s).phases().get(k).from() - c.firstYear;
        }
        return new Phases(ps, from);
    }

    /** A strategy's policies and the year index each is in force from. */
    private record Phases(Policy[] policies, int[] from) {}

    /** The policy state i follows in year index y. */
    Policy policy(int i, int y) {
        Policy[] ps = phasePolicy[i];
        int[] from = phaseFrom[i];
        int k = 0;
        while (k + 1 < ps.length && y >= from[k + 1]) {
            k++;
        }
        return ps[k];
    }

    /** Copies every state variable of {@code o} (same compiled scenario); policies and scratch are not copied. */
    void copyFrom(RunState o) {
        if (o.c != c) {
            throw new IllegalArgumentException("checkpoint is from another compiled scenario");
        }
        System.arraycopy(o.share, 0, share, 0, share.length);
        System.arraycopy(o.free, 0, free, 0, free.length);
        System.arraycopy(o.target, 0, target, 0, target.length);
        System.arraycopy(o.solved, 0, solved, 0, solved.length);
        System.arraycopy(o.offer, 0, offer, 0, offer.length);
        System.arraycopy(o.offerFactor, 0, offerFactor, 0, offerFactor.length);
        System.arraycopy(o.pressure, 0, pressure, 0, pressure.length);
        System.arraycopy(o.refAlign, 0, refAlign, 0, refAlign.length);
        System.arraycopy(o.align, 0, align, 0, align.length);
        System.arraycopy(o.tension, 0, tension, 0, tension.length);
        System.arraycopy(o.incidentMemory, 0, incidentMemory, 0, incidentMemory.length);
        System.arraycopy(o.cbm, 0, cbm, 0, cbm.length);
        System.arraycopy(o.hazard, 0, hazard, 0, hazard.length);
        System.arraycopy(o.incident, 0, incident, 0, incident.length);
        System.arraycopy(o.fragility, 0, fragility, 0, fragility.length);
        System.arraycopy(o.unrestP, 0, unrestP, 0, unrestP.length);
        System.arraycopy(o.unrest, 0, unrest, 0, unrest.length);
        System.arraycopy(o.securityCall, 0, securityCall, 0, securityCall.length);
        System.arraycopy(o.balance, 0, balance, 0, balance.length);
        System.arraycopy(o.balanceDim, 0, balanceDim, 0, balanceDim.length);
        System.arraycopy(o.sscore, 0, sscore, 0, sscore.length);
        System.arraycopy(o.divergence, 0, divergence, 0, divergence.length);
        System.arraycopy(o.interdep, 0, interdep, 0, interdep.length);
        System.arraycopy(o.disputed, 0, disputed, 0, disputed.length);
        System.arraycopy(o.disputeIntensity, 0, disputeIntensity, 0, disputeIntensity.length);
        System.arraycopy(o.driftStep, 0, driftStep, 0, driftStep.length);
        System.arraycopy(o.driftFree, 0, driftFree, 0, driftFree.length);
        System.arraycopy(o.climate, 0, climate, 0, climate.length);
        System.arraycopy(o.debt, 0, debt, 0, debt.length);
        System.arraycopy(o.kEff, 0, kEff, 0, kEff.length);
        System.arraycopy(o.settled, 0, settled, 0, settled.length);
        System.arraycopy(o.tradeRef, 0, tradeRef, 0, tradeRef.length);
        System.arraycopy(o.affinity, 0, affinity, 0, affinity.length);
        System.arraycopy(o.move, 0, move, 0, move.length);
        System.arraycopy(o.mediationEffort, 0, mediationEffort, 0, mediationEffort.length);
        System.arraycopy(o.hub, 0, hub, 0, hub.length);
        System.arraycopy(o.defence, 0, defence, 0, defence.length);
        System.arraycopy(o.inclusion, 0, inclusion, 0, inclusion.length);
        System.arraycopy(o.standing, 0, standing, 0, standing.length);
        System.arraycopy(o.status, 0, status, 0, status.length);
        System.arraycopy(o.mediator, 0, mediator, 0, mediator.length);
        System.arraycopy(o.mediationOffer, 0, mediationOffer, 0, mediationOffer.length);
        System.arraycopy(o.routeShare, 0, routeShare, 0, routeShare.length);
        rivalry = o.rivalry;
    }

    private Policy policyFor(StrategySpec s, int pole) {
        if (s instanceof StrategySpec.Bandwagon) {
            return new BandwagonPolicy(pole, c.param(ParameterKey.BANDWAGON_WEIGHT));
        }
        if (s instanceof StrategySpec.BalanceAgainst) {
            return new BalanceAgainstPolicy(pole, c.param(ParameterKey.BALANCE_FLOOR));
        }
        if (s instanceof StrategySpec.Neutral) {
            return new NeutralPolicy(c.residual, c.param(ParameterKey.NEUTRAL_DISENGAGEMENT));
        }
        return new MultiVectorPolicy(c.param(ParameterKey.DEPENDENCE_AVERSION), c.param(ParameterKey.AUTONOMY_WEIGHT));
    }

    void reset() {
        System.arraycopy(c.initialShares, 0, share, 0, share.length);
        System.arraycopy(c.initialShares, 0, free, 0, free.length);
        System.arraycopy(c.initialShares, 0, target, 0, target.length);
        System.arraycopy(c.initialShares, 0, solved, 0, solved.length);
        Arrays.fill(offer, 0);
        Arrays.fill(offerFactor, 1);
        Arrays.fill(pressure, 0);
        Arrays.fill(incidentMemory, 0);
        Arrays.fill(cbm, 0);
        Arrays.fill(hazard, 0);
        Arrays.fill(incident, false);
        Arrays.fill(unrestP, 0);
        Arrays.fill(unrest, false);
        Arrays.fill(securityCall, 0);
        Arrays.fill(climate, 0);
        Arrays.fill(debt, 0);
        for (int i = 0; i < c.nR; i++) {
            System.arraycopy(c.coercion, 0, kEff, i * c.nP, c.nP);
        }
        Arrays.fill(settled, false);
        Arrays.fill(tradeRef, 0);
        Arrays.fill(affinity, 0);
        Arrays.fill(move, 0);
        Arrays.fill(mediationEffort, 1);
        Arrays.fill(hub, 0);
        Arrays.fill(defence, 0);
        Arrays.fill(inclusion, 0);
        Arrays.fill(standing, 0);
        Arrays.fill(status, 0);
        Arrays.fill(mediator, -1);
        Arrays.fill(mediationOffer, 0);
        Arrays.fill(routeShare, 0);
        System.arraycopy(c.fragilityBase, 0, fragility, 0, fragility.length);
        System.arraycopy(c.disputeIntensity, 0, disputeIntensity, 0, disputeIntensity.length);
        rivalry = c.initialRivalry;
        Alignment.compute(c, share, align);
        System.arraycopy(align, 0, refAlign, 0, align.length);
        Arrays.fill(tension, -1); // marks "set to equilibrium in the first year"
    }

    int s(int i, int p, int d) {
        return (i * c.nP + p) * c.nD + d;
    }
}
