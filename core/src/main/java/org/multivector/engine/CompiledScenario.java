package org.multivector.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.multivector.model.Actor;
import org.multivector.model.ActorKind;
import org.multivector.model.Dimension;
import org.multivector.model.Dispute;
import org.multivector.model.DyadSeries;
import org.multivector.model.Effect;
import org.multivector.model.Event;
import org.multivector.model.Institution;
import org.multivector.model.InstitutionDomain;
import org.multivector.model.ParameterKey;
import org.multivector.model.Pole;
import org.multivector.model.Route;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.model.TieSeries;
import org.multivector.model.YearSeries;
import org.multivector.numeric.PortableMath;

/*
 * Design: everything the step loop needs that does not depend on the run's random draws is
 * computed here once, into flat primitive arrays indexed by year, state, pole and dimension, so
 * the loop reads arrays and allocates nothing. Exogenous series are held at their last observed
 * value beyond it (capabilities grow at their mean observed growth of the last ten years).
 */

/** A scenario turned into the arrays the {@link Engine} reads. Immutable and thread-safe. */
public final class CompiledScenario {
    final Scenario scenario;
    final int firstYear;
    final int years;
    final int lastObservedIndex;
    final int nR;
    final int nP;
    final int nD;
    final int residual;
    final String[] states;
    final String[] poles;
    final String[] dims;
    final double[] salience;
    final double[] inertia;
    final boolean[] securityDim;
    final boolean[] coercibleDim;
    final boolean[] politicalDim;
    final boolean[] debtDim;
    final InstitutionDomain[] domain;
    final int tradeDim; // the dimension declaring interdependence, or -1
    final double[] coercion;
    final double[] assertiveness;
    final double[] pressureThreshold;
    final double[] interest; // [p*nD+d]
    final double[] capShare; // [(y*nP+p)*nD+d]
    final double[] capShareGamma; // capShare ^ offer-capability-elasticity, same layout
    final double[] institutionCount; // [((y*nR+i)*nP+p)*nD+d]
    // [((y*nR+i)*nP+p)*nD+d] interest_pd · capShare_pd^γ · (1 + β_inst n_inst): the head of a pole's capability-based
    // offer, the part that depends on the year and the parameters only (PoleOfferRule multiplies in the rest in the
    // same order, so the offer has the same bits as when it multiplied all of it every run)
    final double[] capabilityOffer;
    final double[] routeShare; // [((y*nR+i)*nP+p)*nD+d]
    final boolean[] routed; // [i*nD+d]: the state has routes in the dimension in some year
    final int routeFactsLast; // year index up to which the dated routes hold: the last observation or route change
    final double[] observed; // [((y*nR+i)*nP+p)*nD+d], NaN = missing
    final boolean[] observedAny; // [(y*nR+i)*nD+d]
    final double[] initialShares; // [(i*nP+p)*nD+d]
    // parties to relations: the regional states (0..nR-1), then the non-residual poles, then the other actors
    final int nN;
    final String[] parties;
    final int[] partyPole; // pole index of a pole party, -1 otherwise
    final int[] poleParty; // party index of pole p, -1 for the residual
    // dyads: every pair of regional states (upper triangle, row order), then each regional state's pairs with the
    // outside parties it borders or has a declared relation with (dispute, tension, confidence-building,
    // interdependence), in party order
    final int nQ;
    final int nRegionalDyads;
    final int[] dyadA;
    final int[] dyadB;
    final int[] dyadIndex; // [a*nN+b], symmetric, -1 = no dyad
    final double[] sharedInstitutions; // [y*nQ+q]
    final double[] sharedEconomic; // [y*nQ+q] the economic ones among them
    final double[] interdependence; // [y*nQ+q]; NaN = endogenous (a state and a pole without a series)
    final int[]
            interdependenceLast; // [q] year index of a regional pair's last observation, -1 if none (or no residual)
    final boolean[] contiguous; // [y*nQ+q]: the border between the parties exists that year
    final double[] partyGdpPerCapita; // [y*nN+k]
    final double[] partyCapability; // [y*nN+k]
    final double[] dyadDisparity; // [y*nQ+q] |log10| of the parties' GDP per capita ratio (0 when one is unknown)
    final double[] dyadCapabilityGap; // [y*nQ+q] |ln| of the parties' capability ratio (0 when one is unknown)
    final double[] gdp; // [y*nR+i]
    final double[] poleGdp; // [y*nP+p]
    final double[] spillover; // [y*nR+i]
    final int[] securityLead; // [y*nR+i], pole index or -1
    final boolean[] bordersPole; // [(y*nR+i)*nP+p]: an open border with one of the pole's members that year
    // pole relations per year: the cost of ties diverging across p and q ([(y*nP+p)*nP+q], rival intensity; 0 for
    // allied, neutral and the residual) and the sign of the pair in the signed network (+1 allied, -1 rival, 0 neutral)
    final double[] relationCost;
    final int[] relationSign;
    // the pairs of poles with a non-zero relationCost in year y, in (p, q) order: costPairFrom/To/Value at
    // costPairStart[y] .. costPairStart[y + 1] − 1 (the divergence of ties sums only those: the others add exactly 0)
    final int[] costPairStart;
    final int[] costPairFrom;
    final int[] costPairTo;
    final double[] costPairValue;
    final double[] fragilityBase;
    final int nDisputes;
    final int[] disputeDyad;
    final int[][] dyadDisputes; // per dyad, the indices of its disputes in scenario order
    final int[] disputeFrom;
    final int[] disputeUntil;
    final double[] disputeIntensity;
    final boolean[] disputeEthnic;
    final boolean[] disputeStatus;
    final int[] talks; // indices of the disputes with a negotiation
    final int[] talksFrom; // [j] year index the talks begin
    final int[] talkOf; // [k] the talks of dispute k, or -1
    final double[] talksOutcome; // [j*years+y] the SMP forecast's capability-and-salience-weighted outcome position
    final double[] agreement; // [j*years+y] the SMP forecast's agreement share 1 - |x_a - x_b| / |x0_a - x0_b|
    final double initialRivalry;
    final StrategySpec[] strategies;
    final double[] params;
    // events, compiled: per year a slice [eventStart[y], eventStart[y+1]) of ops
    final int[] eventStart;
    final int[] opKind;
    final int[] opA;
    final int[] opB;
    final int[] opC;
    final double[] opValue;
    final List<Variable> variables;
    final VariableLayout layout;

    static final int OP_RIVALRY = 0;
    static final int OP_TENSION = 1;
    static final int OP_FRAGILITY = 2;
    static final int OP_OFFER = 3;
    static final int OP_DISPUTE = 4;
    static final int OP_CBM = 5;
    static final int OP_MEDIATION = 6;
    static final int OP_HUB = 7;
    static final int OP_DEFENCE = 8;
    static final int OP_IDENTITY = 9;

    private CompiledScenario(Scenario s) {
        this.scenario = s;
        firstYear = s.time().start();
        years = s.time().years();
        lastObservedIndex = s.time().lastObserved() - firstYear;
        List<Actor> regional = s.regionalStates();
        nR = regional.size();
        nP = s.poles().size();
        nD = s.dimensions().size();
        states = regional.stream().map(Actor::id).toArray(String[]::new);
        poles = s.poles().stream().map(Pole::id).toArray(String[]::new);
        dims = s.dimensions().stream().map(Dimension::id).toArray(String[]::new);
        int res = -1;
        for (int p = 0; p < nP; p++) {
            if (s.poles().get(p).residual()) {
                res = p;
            }
        }
        residual = res;
        salience = new double[nD];
        inertia = new double[nD];
        securityDim = new boolean[nD];
        coercibleDim = new boolean[nD];
        politicalDim = new boolean[nD];
        debtDim = new boolean[nD];
        domain = new InstitutionDomain[nD];
        int tradeDim = -1;
        for (int d = 0; d < nD; d++) {
            Dimension dim = s.dimensions().get(d);
            salience[d] = dim.salience().value();
            inertia[d] = dim.inertia().value();
            domain[d] = dim.domain();
            securityDim[d] = dim.domain() == InstitutionDomain.SECURITY;
            coercibleDim[d] = dim.coercible();
            politicalDim[d] = dim.domain() == InstitutionDomain.POLITICAL;
            debtDim[d] = dim.debt();
            if (dim.interdependence()) {
                tradeDim = d;
            }
        }
        this.tradeDim = tradeDim;
        coercion = new double[nP];
        assertiveness = new double[nP];
        pressureThreshold = new double[nP];
        interest = new double[nP * nD];
        for (int p = 0; p < nP; p++) {
            Pole pole = s.poles().get(p);
            coercion[p] = pole.behaviour().coercion().value();
            assertiveness[p] = pole.behaviour().assertiveness().value();
            pressureThreshold[p] = pole.behaviour().pressureThreshold().value();
            for (int d = 0; d < nD; d++) {
                var q = pole.behaviour().interest().get(dims[d]);
                interest[p * nD + d] = q == null ? 1 : q.value();
            }
        }
        params = parameters(s);
        fragilityBase = new double[nR];
        for (int i = 0; i < nR; i++) {
            fragilityBase[i] = regional.get(i).fragility().map(q -> q.value()).orElse(0.2);
        }
        strategies = strategies(s, states);
        initialRivalry = s.initialRivalry().value();

        List<String> partyList = new ArrayList<>(java.util.Arrays.asList(states));
        for (Pole pole : s.poles()) {
            if (!pole.residual()) {
                partyList.add(pole.id());
            }
        }
        for (Actor a : s.actors()) {
            if (a.kind() == ActorKind.OTHER) {
                partyList.add(a.id());
            }
        }
        parties = partyList.toArray(String[]::new);
        nN = parties.length;
        partyPole = new int[nN];
        for (int k = 0; k < nN; k++) {
            partyPole[k] = k < nR ? -1 : indexOf(poles, parties[k]);
        }
        poleParty = new int[nP];
        for (int p = 0; p < nP; p++) {
            poleParty[p] = indexOf(parties, poles[p]);
        }
        List<int[]> dyads = new ArrayList<>();
        for (int i = 0; i < nR; i++) {
            for (int j = i + 1; j < nR; j++) {
                dyads.add(new int[] {i, j});
            }
        }
        nRegionalDyads = dyads.size();
        for (int i = 0; i < nR; i++) {
            for (int k = nR; k < nN; k++) {
                if (related(s, states[i], parties[k])) {
                    dyads.add(new int[] {i, k});
                }
            }
        }
        nQ = dyads.size();
        dyadA = new int[nQ];
        dyadB = new int[nQ];
        dyadIndex = new int[nN * nN];
        Arrays.fill(dyadIndex, -1);
        for (int q = 0; q < nQ; q++) {
            dyadA[q] = dyads.get(q)[0];
            dyadB[q] = dyads.get(q)[1];
            dyadIndex[dyadA[q] * nN + dyadB[q]] = q;
            dyadIndex[dyadB[q] * nN + dyadA[q]] = q;
        }

        capShare = new double[years * nP * nD];
        poleGdp = new double[years * nP];
        gdp = new double[years * nR];
        partyGdpPerCapita = new double[years * nN];
        partyCapability = new double[years * nN];
        spillover = new double[years * nR];
        compileCapabilities();
        capShareGamma = raised(capShare, param(ParameterKey.OFFER_CAPABILITY_ELASTICITY));
        institutionCount = new double[years * nR * nP * nD];
        sharedInstitutions = new double[years * nQ];
        sharedEconomic = new double[years * nQ];
        securityLead = new int[years * nR];
        compileInstitutions();
        capabilityOffer = capabilityOffers(
                interest, capShareGamma, institutionCount, param(ParameterKey.INSTITUTION_OFFER_BONUS), nR, nP, nD);
        routeShare = new double[years * nR * nP * nD];
        routed = new boolean[nR * nD];
        compileRoutes();
        int lastChange = lastObservedIndex;
        for (Route r : s.routes()) {
            lastChange = Math.max(lastChange, r.opened() - firstYear);
            if (r.closed().isPresent()) {
                lastChange = Math.max(lastChange, r.closed().getAsInt() - firstYear);
            }
        }
        routeFactsLast = Math.min(lastChange, years - 1);
        observed = new double[years * nR * nP * nD];
        observedAny = new boolean[years * nR * nD];
        initialShares = new double[nR * nP * nD];
        compileTies();
        interdependence = new double[years * nQ];
        interdependenceLast = new int[nQ];
        compileInterdependence();
        contiguous = new boolean[years * nQ];
        bordersPole = new boolean[years * nR * nP];
        compileBorders();
        relationCost = new double[years * nP * nP];
        relationSign = new int[years * nP * nP];
        compilePoleRelations();
        costPairStart = new int[years + 1];
        int pairs = 0;
        for (double v : relationCost) {
            pairs += v != 0 ? 1 : 0;
        }
        costPairFrom = new int[pairs];
        costPairTo = new int[pairs];
        costPairValue = new double[pairs];
        int at = 0;
        for (int y = 0; y < years; y++) {
            costPairStart[y] = at;
            for (int p = 0; p < nP; p++) {
                for (int q = 0; q < nP; q++) {
                    double v = relationCost[(y * nP + p) * nP + q];
                    if (v != 0) {
                        costPairFrom[at] = p;
                        costPairTo[at] = q;
                        costPairValue[at++] = v;
                    }
                }
            }
        }
        costPairStart[years] = at;
        List<Dispute> ds = s.disputes();
        nDisputes = ds.size();
        disputeDyad = new int[nDisputes];
        disputeFrom = new int[nDisputes];
        disputeUntil = new int[nDisputes];
        disputeIntensity = intensities(ds);
        disputeEthnic = new boolean[nDisputes];
        disputeStatus = new boolean[nDisputes];
        for (int k = 0; k < nDisputes; k++) {
            Dispute d = ds.get(k);
            disputeEthnic[k] = d.kind() == org.multivector.model.DisputeKind.ETHNIC;
            disputeStatus[k] = d.kind() == org.multivector.model.DisputeKind.STATUS;
            disputeDyad[k] = dyad(d.a(), d.b());
            disputeFrom[k] = d.from() - firstYear;
            disputeUntil[k] = d.resolved().isPresent() ? d.resolved().getAsInt() - firstYear : Integer.MAX_VALUE;
        }
        dyadDisputes = new int[nQ][];
        for (int q = 0; q < nQ; q++) {
            int n = 0;
            for (int k = 0; k < nDisputes; k++) {
                n += disputeDyad[k] == q ? 1 : 0;
            }
            dyadDisputes[q] = new int[n];
            n = 0;
            for (int k = 0; k < nDisputes; k++) {
                if (disputeDyad[k] == q) {
                    dyadDisputes[q][n++] = k;
                }
            }
        }
        eventStart = new int[years + 1];
        List<double[]> ops = compileEvents();
        opKind = new int[ops.size()];
        opA = new int[ops.size()];
        opB = new int[ops.size()];
        opC = new int[ops.size()];
        opValue = new double[ops.size()];
        for (int k = 0; k < ops.size(); k++) {
            double[] o = ops.get(k);
            opKind[k] = (int) o[0];
            opA[k] = (int) o[1];
            opB[k] = (int) o[2];
            opC[k] = (int) o[3];
            opValue[k] = o[4];
        }
        String[] dyadNames = new String[nQ];
        for (int q = 0; q < nQ; q++) {
            dyadNames[q] = parties[dyadA[q]] + "-" + parties[dyadB[q]];
        }
        List<Integer> negotiated = new ArrayList<>();
        for (int k = 0; k < ds.size(); k++) {
            if (ds.get(k).negotiation() != null) {
                negotiated.add(k);
            }
        }
        talks = negotiated.stream().mapToInt(Integer::intValue).toArray();
        talksFrom = new int[talks.length];
        agreement = new double[talks.length * years];
        talksOutcome = new double[talks.length * years];
        talkOf = new int[ds.size()];
        compileTalks(s);
        String[] talkNames = new String[talks.length];
        for (int j = 0; j < talks.length; j++) {
            talkNames[j] = ds.get(talks[j]).id();
        }
        // data the yearly rules read per dyad, computed once here rather than in every run
        dyadDisparity = new double[years * nQ];
        dyadCapabilityGap = new double[years * nQ];
        for (int y = 0; y < years; y++) {
            for (int q = 0; q < nQ; q++) {
                double ga = partyGdpPerCapita[y * nN + dyadA[q]];
                double gb = partyGdpPerCapita[y * nN + dyadB[q]];
                dyadDisparity[y * nQ + q] = ga > 0 && gb > 0 ? Math.abs(StrictMath.log10(ga / gb)) : 0;
                double ca = partyCapability[y * nN + dyadA[q]];
                double cb = partyCapability[y * nN + dyadB[q]];
                dyadCapabilityGap[y * nQ + q] = ca > 0 && cb > 0 ? Math.abs(PortableMath.log(ca / cb)) : 0;
            }
        }
        layout = new VariableLayout(states, poles, dims, residual, dyadNames, talkNames);
        variables = layout.variables();
    }

    /**
     * Bargains out every negotiated dispute once per year from its start, with SMP (KTAB's defaults, {@link
     * org.multivector.bargain.SmpModel}, unchanged) on the parties' capabilities of that year and the declared
     * positions and saliences; keeps the agreement share of the forecast, {@code 1 − |x_a − x_b| / |x0_a − x0_b|}
     * over the final positions (1: the parties' positions meet; 0: deadlock).
     */
    private void compileTalks(Scenario s) {
        java.util.Arrays.fill(talksOutcome, Double.NaN);
        java.util.Arrays.fill(talkOf, -1);
        for (int j = 0; j < talks.length; j++) {
            talkOf[talks[j]] = j;
        }
        for (int j = 0; j < talks.length; j++) {
            Dispute d = s.disputes().get(talks[j]);
            org.multivector.model.Negotiation n = d.negotiation();
            talksFrom[j] = n.from() - firstYear;
            int a = indexOf(parties, d.a());
            int b = indexOf(parties, d.b());
            double gap0 = Math.abs(n.positionA() - n.positionB());
            for (int y = Math.max(0, talksFrom[j]); y < years; y++) {
                double capA = partyCapability[y * nN + a];
                double capB = partyCapability[y * nN + b];
                if (!(capA > 0 && capB > 0)) {
                    continue; // no capabilities that year: no bargaining, no agreement
                }
                org.multivector.bargain.BargainingProblem p = new org.multivector.bargain.BargainingProblem(
                        d.id(),
                        "talks on " + d.id(),
                        "scenario " + s.name(),
                        List.of(d.id()),
                        List.of(),
                        List.of(d.a(), d.b()),
                        List.of("", ""),
                        new double[] {capA, capB},
                        new double[][] {{n.positionA()}, {n.positionB()}},
                        new double[][] {{n.salienceA()}, {n.salienceB()}},
                        new double[][] {{0, 0}, {0, 0}},
                        1L,
                        org.multivector.bargain.SmpParameters.DEFAULTS,
                        false);
                org.multivector.bargain.SmpHistory h = org.multivector.bargain.SmpModel.run(p);
                double[][] x = h.finalPositions();
                agreement[j * years + y] = Math.max(0, 1 - Math.abs(x[0][0] - x[1][0]) / gap0);
                talksOutcome[j * years + y] = h.weightedOutcome(h.turns())[0];
            }
        }
    }

    /**
     * The bargaining forecast of the talks on {@code dispute} per year from the scenario's first year: agreement
     * shares (0 before the talks) and outcome positions (NaN before the talks); empty arrays if it has no talks.
     */
    public double[][] talks(String dispute) {
        for (int j = 0; j < talks.length; j++) {
            if (scenario.disputes().get(talks[j]).id().equals(dispute)) {
                return new double[][] {
                    java.util.Arrays.copyOfRange(agreement, j * years, (j + 1) * years),
                    java.util.Arrays.copyOfRange(talksOutcome, j * years, (j + 1) * years)
                };
            }
        }
        return new double[][] {new double[0], new double[0]};
    }

    /** Compiles a validated scenario. */
    public static CompiledScenario of(Scenario scenario) {
        return new CompiledScenario(scenario);
    }

    /**
     * The compilation of {@code s}, bit for bit {@link #of}{@code (s)}. When {@code s} differs from this compilation's
     * scenario only in what a posterior's particle sets — parameters' values, disputes' starting intensities,
     * strategies; every other part the same object, as {@link Scenario#withParameterValues}, {@link
     * Scenario#withParameter} and {@link Scenario#withStrategy} leave them — it shares this compilation's other parts
     * and recomputes only what those enter ({@code params}, the capability shares raised to the offer elasticity,
     * {@code disputeIntensity}, {@code strategies}): a posterior's particle then costs a few small arrays instead of a
     * compilation (which bargains out every negotiation per year). Otherwise (another part changed, another scenario)
     * it compiles {@code s}. {@code CompiledScenarioTest} checks every field against {@code of(s)}.
     */
    public CompiledScenario withParameters(Scenario s) {
        if (s == scenario) {
            return this;
        }
        return onlyParticlePartsDiffer(scenario, s) ? new CompiledScenario(this, s) : new CompiledScenario(s);
    }

    /**
     * True when {@code b} holds {@code a}'s parts (the same objects) except perhaps its parameters' values, its
     * disputes' starting intensities, its strategies and its hash: what a posterior's particle sets (parameters and
     * structural assumptions, {@link org.multivector.model.Structural}).
     */
    private static boolean onlyParticlePartsDiffer(Scenario a, Scenario b) {
        return a.name().equals(b.name())
                && java.util.Objects.equals(a.title(), b.title())
                && a.time() == b.time()
                && a.dimensions() == b.dimensions()
                && a.poles() == b.poles()
                && a.actors() == b.actors()
                && a.ties() == b.ties()
                && a.interdependence() == b.interdependence()
                && a.institutions() == b.institutions()
                && a.borders() == b.borders()
                && sameButIntensities(a.disputes(), b.disputes())
                && a.routes() == b.routes()
                && a.events() == b.events()
                && a.poleRelations() == b.poleRelations()
                && a.initialRivalry() == b.initialRivalry()
                && a.defaults() == b.defaults()
                && a.parameters().keySet().equals(b.parameters().keySet());
    }

    /** The same disputes (ids, parties, kinds, years, the same negotiation) but perhaps their starting intensities. */
    private static boolean sameButIntensities(List<Dispute> a, List<Dispute> b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            Dispute x = a.get(k);
            Dispute y = b.get(k);
            if (!(x.id().equals(y.id())
                    && x.a().equals(y.a())
                    && x.b().equals(y.b())
                    && x.kind() == y.kind()
                    && x.from() == y.from()
                    && x.resolved().equals(y.resolved())
                    && x.negotiation() == y.negotiation())) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code c}'s compilation with {@code s}'s parameters, dispute intensities and strategies; the other parts shared
     * (none is ever written after construction).
     */
    private CompiledScenario(CompiledScenario c, Scenario s) {
        scenario = s;
        params = parameters(s);
        strategies = strategies(s, c.states);
        disputeIntensity = s.disputes() == c.scenario.disputes() ? c.disputeIntensity : intensities(s.disputes());
        firstYear = c.firstYear;
        years = c.years;
        lastObservedIndex = c.lastObservedIndex;
        nR = c.nR;
        nP = c.nP;
        nD = c.nD;
        residual = c.residual;
        states = c.states;
        poles = c.poles;
        dims = c.dims;
        salience = c.salience;
        inertia = c.inertia;
        securityDim = c.securityDim;
        coercibleDim = c.coercibleDim;
        politicalDim = c.politicalDim;
        debtDim = c.debtDim;
        domain = c.domain;
        tradeDim = c.tradeDim;
        coercion = c.coercion;
        assertiveness = c.assertiveness;
        pressureThreshold = c.pressureThreshold;
        interest = c.interest;
        capShare = c.capShare;
        institutionCount = c.institutionCount;
        routeShare = c.routeShare;
        routed = c.routed;
        routeFactsLast = c.routeFactsLast;
        observed = c.observed;
        observedAny = c.observedAny;
        initialShares = c.initialShares;
        nN = c.nN;
        parties = c.parties;
        partyPole = c.partyPole;
        poleParty = c.poleParty;
        nQ = c.nQ;
        nRegionalDyads = c.nRegionalDyads;
        dyadA = c.dyadA;
        dyadB = c.dyadB;
        dyadIndex = c.dyadIndex;
        sharedInstitutions = c.sharedInstitutions;
        sharedEconomic = c.sharedEconomic;
        interdependence = c.interdependence;
        interdependenceLast = c.interdependenceLast;
        contiguous = c.contiguous;
        partyGdpPerCapita = c.partyGdpPerCapita;
        partyCapability = c.partyCapability;
        dyadDisparity = c.dyadDisparity;
        dyadCapabilityGap = c.dyadCapabilityGap;
        gdp = c.gdp;
        poleGdp = c.poleGdp;
        spillover = c.spillover;
        securityLead = c.securityLead;
        bordersPole = c.bordersPole;
        relationCost = c.relationCost;
        relationSign = c.relationSign;
        costPairStart = c.costPairStart;
        costPairFrom = c.costPairFrom;
        costPairTo = c.costPairTo;
        costPairValue = c.costPairValue;
        fragilityBase = c.fragilityBase;
        nDisputes = c.nDisputes;
        disputeDyad = c.disputeDyad;
        dyadDisputes = c.dyadDisputes;
        disputeFrom = c.disputeFrom;
        disputeUntil = c.disputeUntil;
        disputeEthnic = c.disputeEthnic;
        disputeStatus = c.disputeStatus;
        talks = c.talks;
        talksFrom = c.talksFrom;
        talkOf = c.talkOf;
        talksOutcome = c.talksOutcome;
        agreement = c.agreement;
        initialRivalry = c.initialRivalry;
        eventStart = c.eventStart;
        opKind = c.opKind;
        opA = c.opA;
        opB = c.opB;
        opC = c.opC;
        opValue = c.opValue;
        variables = c.variables;
        layout = c.layout;
        double gamma = param(ParameterKey.OFFER_CAPABILITY_ELASTICITY);
        capShareGamma = gamma == c.param(ParameterKey.OFFER_CAPABILITY_ELASTICITY)
                ? c.capShareGamma
                : raised(c.capShare, gamma);
        double instBonus = param(ParameterKey.INSTITUTION_OFFER_BONUS);
        capabilityOffer = capShareGamma == c.capShareGamma && instBonus == c.param(ParameterKey.INSTITUTION_OFFER_BONUS)
                ? c.capabilityOffer
                : capabilityOffers(interest, capShareGamma, institutionCount, instBonus, nR, nP, nD);
    }

    private static StrategySpec[] strategies(Scenario s, String[] states) {
        StrategySpec[] out = new StrategySpec[states.length];
        for (int i = 0; i < states.length; i++) {
            out[i] = s.strategies().getOrDefault(states[i], new StrategySpec.MultiVector());
        }
        return out;
    }

    private static double[] intensities(List<Dispute> ds) {
        double[] out = new double[ds.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = ds.get(k).intensity().value();
        }
        return out;
    }

    private static double[] parameters(Scenario s) {
        double[] v = new double[ParameterKey.values().length];
        for (ParameterKey k : ParameterKey.values()) {
            v[k.ordinal()] = s.parameter(k.id()).value();
        }
        return v;
    }

    /** Each year's, state's, pole's and dimension's {@link #capabilityOffer}. */
    private static double[] capabilityOffers(
            double[] interest,
            double[] capShareGamma,
            double[] institutionCount,
            double instBonus,
            int nR,
            int nP,
            int nD) {
        double[] out = new double[institutionCount.length];
        int years = out.length / (nR * nP * nD);
        for (int y = 0; y < years; y++) {
            for (int i = 0; i < nR; i++) {
                for (int p = 0; p < nP; p++) {
                    for (int d = 0; d < nD; d++) {
                        int k = ((y * nR + i) * nP + p) * nD + d;
                        out[k] = interest[p * nD + d]
                                * capShareGamma[(y * nP + p) * nD + d]
                                * (1 + instBonus * institutionCount[k]);
                    }
                }
            }
        }
        return out;
    }

    private static double[] raised(double[] shares, double gamma) {
        double[] out = new double[shares.length];
        for (int k = 0; k < shares.length; k++) {
            out[k] = PortableMath.pow(shares[k], gamma);
        }
        return out;
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<Variable> variables() {
        return variables;
    }

    /**
     * The model's dyads in output order, each as its two parties: a regional state, then a regional state, a pole
     * id or another actor's id. Their variables are named {@code A-B}.
     */
    public List<List<String>> dyads() {
        List<List<String>> out = new ArrayList<>();
        for (int q = 0; q < nQ; q++) {
            out.add(List.of(parties[dyadA[q]], parties[dyadB[q]]));
        }
        return out;
    }

    public int firstYear() {
        return firstYear;
    }

    public int years() {
        return years;
    }

    double param(ParameterKey k) {
        return params[k.ordinal()];
    }

    static int indexOf(String[] ids, String id) {
        for (int k = 0; k < ids.length; k++) {
            if (ids[k].equals(id)) {
                return k;
            }
        }
        return -1;
    }

    /** Value of a capability series in a year: observed, else projected from the last ten years' mean growth. */
    static double projected(YearSeries s, int year) {
        if (year <= s.lastYear()) {
            return s.valueOrCarry(year);
        }
        int n = s.size();
        int back = Math.max(0, n - 11);
        double first = s.valueAtIndex(back);
        double last = s.valueAtIndex(n - 1);
        int span = s.yearAt(n - 1) - s.yearAt(back);
        double growth = span > 0 && first > 0 && last > 0 ? PortableMath.pow(last / first, 1.0 / span) : 1.0;
        growth = Math.max(0.97, Math.min(1.08, growth));
        return last * PortableMath.pow(growth, year - s.lastYear());
    }

    private double actorCapability(String actorId, String name, int year) {
        Actor a = scenario.actor(actorId).orElse(null);
        if (a == null) {
            return 0;
        }
        YearSeries s = a.capabilities().get(name);
        return s == null ? 0 : projected(s, year);
    }

    private double poleCapability(Pole pole, String name, int year) {
        double sum = 0;
        for (String m : pole.members()) {
            sum += actorCapability(m, name, year);
        }
        return sum;
    }

    private void compileCapabilities() {
        for (int y = 0; y < years; y++) {
            int year = firstYear + y;
            double gdpSum = 0;
            double milSum = 0;
            double[] g = new double[nP];
            double[] m = new double[nP];
            for (int p = 0; p < nP; p++) {
                Pole pole = scenario.poles().get(p);
                if (pole.residual()) {
                    continue;
                }
                g[p] = poleCapability(pole, "gdp", year);
                m[p] = poleCapability(pole, "milex", year);
                gdpSum += g[p];
                milSum += m[p];
                poleGdp[y * nP + p] = g[p];
            }
            for (int p = 0; p < nP; p++) {
                if (p == residual) {
                    continue;
                }
                double econ = gdpSum > 0 ? g[p] / gdpSum : 1.0 / (nP - (residual >= 0 ? 1 : 0));
                double mil = milSum > 0 ? m[p] / milSum : econ;
                for (int d = 0; d < nD; d++) {
                    double share = securityDim[d] ? mil : politicalDim[d] ? 0.5 * (econ + mil) : econ;
                    capShare[(y * nP + p) * nD + d] = share;
                }
            }
            for (int k = 0; k < nN; k++) {
                double gk = 0;
                double pop = 0;
                double cinc = 0;
                for (String member : membersOf(k)) {
                    gk += actorCapability(member, "gdp", year);
                    pop += actorCapability(member, "population", year);
                    cinc += actorCapability(member, "cinc", year);
                }
                partyGdpPerCapita[y * nN + k] = pop > 0 ? gk / pop : 0;
                partyCapability[y * nN + k] = cinc > 0 ? cinc : gk;
            }
            for (int i = 0; i < nR; i++) {
                double gi = actorCapability(states[i], "gdp", year);
                gdp[y * nR + i] = gi;
                double spill = 0;
                for (Actor other : scenario.actors()) {
                    if (other.kind() == ActorKind.OTHER && bordered(other.id(), states[i], year)) {
                        YearSeries inst = other.capabilities().get("instability");
                        if (inst != null) {
                            spill = Math.max(spill, inst.valueOrCarry(year));
                        }
                    }
                }
                spillover[y * nR + i] = spill;
            }
        }
    }

    private void compileInstitutions() {
        Arrays.fill(securityLead, -1);
        for (int y = 0; y < years; y++) {
            int year = firstYear + y;
            for (Institution inst : scenario.institutions()) {
                if (year < inst.founded()) {
                    continue;
                }
                boolean[] member = new boolean[nN];
                for (int k = 0; k < nN; k++) {
                    int p = partyPole[k];
                    if (p >= 0) {
                        member[k] = inst.lead().contains(poles[p]);
                        for (String m : scenario.poles().get(p).members()) {
                            member[k] |= inst.isMember(m, year);
                        }
                    } else {
                        member[k] = inst.isMember(parties[k], year);
                    }
                }
                double effect = inst.effectivenessValue();
                for (int q = 0; q < nQ; q++) {
                    if (member[dyadA[q]] && member[dyadB[q]]) {
                        sharedInstitutions[y * nQ + q] += effect;
                        if (inst.domain() == InstitutionDomain.ECONOMIC) {
                            sharedEconomic[y * nQ + q] += effect;
                        }
                    }
                }
                for (int i = 0; i < nR; i++) {
                    if (!member[i]) {
                        continue;
                    }
                    for (String lead : inst.lead()) {
                        int p = indexOf(poles, lead);
                        if (p < 0) {
                            continue;
                        }
                        for (int d = 0; d < nD; d++) {
                            if (domain[d] == inst.domain()) {
                                institutionCount[((y * nR + i) * nP + p) * nD + d] += 1;
                            }
                        }
                        if (inst.domain() == InstitutionDomain.SECURITY && securityLead[y * nR + i] < 0) {
                            securityLead[y * nR + i] = p;
                        }
                    }
                }
            }
        }
    }

    private void compileRoutes() {
        for (int y = 0; y < years; y++) {
            int year = firstYear + y;
            double[] total = new double[nR * nD];
            for (Route r : scenario.routes()) {
                if (!r.activeIn(year)) {
                    continue;
                }
                int i = indexOf(states, r.state());
                int p = indexOf(poles, r.partner());
                if (p < 0) {
                    p = residual; // a regional or other supplier: part of the rest of the world in tie shares
                }
                int d = indexOf(dims, r.dimension());
                routeShare[((y * nR + i) * nP + p) * nD + d] += r.commonWeight();
                total[i * nD + d] += r.commonWeight();
                routed[i * nD + d] = true;
            }
            for (int i = 0; i < nR; i++) {
                for (int p = 0; p < nP; p++) {
                    for (int d = 0; d < nD; d++) {
                        int k = ((y * nR + i) * nP + p) * nD + d;
                        double t = total[i * nD + d];
                        routeShare[k] = t > 0 ? routeShare[k] / t : 0;
                    }
                }
            }
        }
    }

    private void compileTies() {
        Arrays.fill(observed, Double.NaN);
        for (int i = 0; i < nR; i++) {
            for (int d = 0; d < nD; d++) {
                TieSeries t = scenario.tie(states[i], dims[d]).orElse(null);
                double[] first = null;
                if (t != null) {
                    for (var e : t.shares().entrySet()) {
                        int y = e.getKey() - firstYear;
                        double[] row = fullShares(e.getValue());
                        if (first == null) {
                            first = row;
                        }
                        if (y < 0 || y >= years) {
                            continue;
                        }
                        for (int p = 0; p < nP; p++) {
                            observed[((y * nR + i) * nP + p) * nD + d] = row[p];
                        }
                        observedAny[(y * nR + i) * nD + d] = true;
                    }
                }
                double fixed = 0;
                int open = 0;
                for (int p = 0; p < nP; p++) {
                    if (first != null && Double.isNaN(first[p])) {
                        open++;
                    } else if (first != null) {
                        fixed += first[p];
                    }
                }
                for (int p = 0; p < nP; p++) {
                    double v = first == null ? 1.0 / nP : first[p];
                    if (Double.isNaN(v)) {
                        v = Math.max(0, 1 - fixed) / open; // unobserved poles share what the observed leave
                    }
                    initialShares[(i * nP + p) * nD + d] = v;
                }
            }
        }
    }

    /**
     * Shares over all poles, the residual taking what the named poles leave. A pole whose share is missing that
     * year is NaN, and so is the residual then (what the others leave is not known).
     */
    private double[] fullShares(java.util.Map<String, Double> row) {
        double[] out = new double[nP];
        double sum = 0;
        boolean missing = false;
        for (int p = 0; p < nP; p++) {
            if (p == residual) {
                continue;
            }
            Double v = row.get(poles[p]);
            out[p] = v == null ? 0 : v;
            if (Double.isNaN(out[p])) {
                missing = true;
            } else {
                sum += out[p];
            }
        }
        if (missing) {
            if (residual >= 0) {
                out[residual] = Double.NaN;
            }
        } else if (residual >= 0) {
            out[residual] = Math.max(0, 1 - sum);
        } else if (sum > 0) {
            for (int p = 0; p < nP; p++) {
                out[p] /= sum;
            }
        }
        return out;
    }

    private void compileInterdependence() {
        for (int q = nRegionalDyads; q < nQ; q++) {
            if (partyPole[dyadB[q]] >= 0 && tradeDim >= 0) {
                for (int y = 0; y < years; y++) {
                    interdependence[y * nQ + q] = Double.NaN;
                }
            }
        }
        java.util.Arrays.fill(interdependenceLast, -1);
        for (DyadSeries ds : scenario.interdependence()) {
            int q = dyad(ds.a(), ds.b());
            for (int y = 0; y < years; y++) {
                interdependence[y * nQ + q] = ds.series().valueOrCarry(firstYear + y);
            }
            int last = ds.series().lastYear() - firstYear;
            if (q < nRegionalDyads && residual >= 0 && tradeDim >= 0 && last >= 0 && last < years - 1) {
                interdependenceLast[q] = last;
            }
        }
    }

    /** The party index of an id (a regional state, a pole or another actor), -1 if none. */
    int party(String id) {
        return indexOf(parties, id);
    }

    /** The dyad of two parties, -1 if the scenario has none between them. */
    int dyad(String a, String b) {
        int x = party(a);
        int y = party(b);
        return x < 0 || y < 0 ? -1 : dyadIndex[x * nN + y];
    }

    /** The actors a party stands for: a pole's members, or the actor itself. */
    private List<String> membersOf(int k) {
        int p = partyPole[k];
        return p >= 0 ? scenario.poles().get(p).members() : List.of(parties[k]);
    }

    private static List<String> membersOf(Scenario s, String party) {
        for (Pole p : s.poles()) {
            if (p.id().equals(party)) {
                return p.members();
            }
        }
        return List.of(party);
    }

    /** True when a regional state and an outside party border each other in some year or have a declared relation. */
    private static boolean related(Scenario s, String state, String party) {
        for (String m : membersOf(s, party)) {
            if (s.contiguous(state, m)) {
                return true;
            }
        }
        for (Dispute d : s.disputes()) {
            if ((d.a().equals(state) && d.b().equals(party)) || (d.b().equals(state) && d.a().equals(party))) {
                return true;
            }
        }
        for (DyadSeries d : s.interdependence()) {
            if ((d.a().equals(state) && d.b().equals(party)) || (d.b().equals(state) && d.a().equals(party))) {
                return true;
            }
        }
        for (Route r : s.routes()) {
            if (r.state().equals(state) && r.partner().equals(party) && indexOf(poleIds(s), party) < 0) {
                return true;
            }
        }
        for (Event e : s.events()) {
            for (Effect f : e.effects()) {
                String a = null;
                String b = null;
                if (f instanceof Effect.Tension t) {
                    a = t.a();
                    b = t.b();
                } else if (f instanceof Effect.ConfidenceBuilding c) {
                    a = c.a();
                    b = c.b();
                }
                if (a != null && ((a.equals(state) && b.equals(party)) || (b.equals(state) && a.equals(party)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String[] poleIds(Scenario s) {
        return s.poles().stream().map(Pole::id).toArray(String[]::new);
    }

    /** True when actors (or a pole's members) {@code a} and {@code b} share a border that exists in {@code year}. */
    private boolean bordered(String a, String b, int year) {
        for (String x : membersOf(scenario, a)) {
            for (String z : membersOf(scenario, b)) {
                var br = scenario.border(x, z);
                if (br.isPresent() && br.get().existsIn(year)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void compileBorders() {
        for (int y = 0; y < years; y++) {
            int year = firstYear + y;
            for (int q = 0; q < nQ; q++) {
                contiguous[y * nQ + q] = bordered(parties[dyadA[q]], parties[dyadB[q]], year);
            }
            for (int i = 0; i < nR; i++) {
                for (int p = 0; p < nP; p++) {
                    boolean open = false;
                    for (String m : scenario.poles().get(p).members()) {
                        var br = scenario.border(states[i], m);
                        open |= br.isPresent() && br.get().openIn(year);
                    }
                    bordersPole[(y * nR + i) * nP + p] = open;
                }
            }
        }
    }

    /**
     * Pole relations per year. A scenario that declares none (format 1 files) treats every pair of poles, the
     * residual included, as rivals of intensity 1: the divergence of two states' ties then equals the
     * Signorino–Ritter distance (1 − S)/2 the model has always used. A scenario that declares relations gives
     * undeclared pairs and the residual no rivalry.
     */
    private void compilePoleRelations() {
        boolean declared = scenario.declaresPoleRelations();
        for (int y = 0; y < years; y++) {
            int year = firstYear + y;
            for (int p = 0; p < nP; p++) {
                for (int q = 0; q < nP; q++) {
                    int k = (y * nP + p) * nP + q;
                    if (p == q) {
                        continue;
                    }
                    if (!declared) {
                        relationCost[k] = 1;
                        relationSign[k] = p == residual || q == residual ? 0 : -1;
                    }
                }
            }
            for (var r : scenario.poleRelations()) {
                if (!r.activeIn(year)) {
                    continue;
                }
                int p = indexOf(poles, r.a());
                int q = indexOf(poles, r.b());
                double cost = r.status() == org.multivector.model.RelationStatus.RIVAL
                        ? r.intensity().value()
                        : 0;
                int sign = switch (r.status()) {
                    case ALLIED -> 1;
                    case RIVAL -> -1;
                    case NEUTRAL -> 0;
                };
                for (int[] pq : new int[][] {{p, q}, {q, p}}) {
                    int k = (y * nP + pq[0]) * nP + pq[1];
                    relationCost[k] = cost;
                    relationSign[k] = sign;
                }
            }
        }
    }

    private List<double[]> compileEvents() {
        List<List<double[]>> byYear = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            byYear.add(new ArrayList<>());
        }
        for (Event e : scenario.events()) {
            int y = e.year() - firstYear;
            if (y < 0 || y >= years) {
                continue;
            }
            for (Effect f : e.effects()) {
                byYear.get(y).add(op(f));
            }
        }
        List<double[]> all = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            eventStart[y] = all.size();
            all.addAll(byYear.get(y));
        }
        eventStart[years] = all.size();
        return all;
    }

    private double[] op(Effect f) {
        if (f instanceof Effect.Rivalry r) {
            return new double[] {OP_RIVALRY, -1, -1, -1, r.delta().value()};
        }
        if (f instanceof Effect.Tension t) {
            return new double[] {
                OP_TENSION, dyad(t.a(), t.b()), -1, -1, t.delta().value()
            };
        }
        if (f instanceof Effect.Fragility fr) {
            return new double[] {
                OP_FRAGILITY, indexOf(states, fr.state()), -1, -1, fr.delta().value()
            };
        }
        if (f instanceof Effect.Offer o) {
            int state = o.state() == null ? -1 : indexOf(states, o.state());
            return new double[] {
                OP_OFFER,
                indexOf(poles, o.pole()),
                indexOf(dims, o.dimension()),
                state,
                o.factor().value()
            };
        }
        if (f instanceof Effect.DisputeIntensity di) {
            int k = 0;
            for (; k < scenario.disputes().size(); k++) {
                if (scenario.disputes().get(k).id().equals(di.dispute())) {
                    break;
                }
            }
            return new double[] {OP_DISPUTE, k, -1, -1, di.intensity().value()};
        }
        if (f instanceof Effect.Mediation m) {
            return new double[] {
                OP_MEDIATION, indexOf(states, m.state()), -1, -1, m.effort().value()
            };
        }
        if (f instanceof Effect.Hub h) {
            return new double[] {
                OP_HUB, indexOf(states, h.state()), -1, -1, h.delta().value()
            };
        }
        if (f instanceof Effect.Identity d) {
            return new double[] {
                OP_IDENTITY, indexOf(states, d.state()), -1, -1, d.level().value()
            };
        }
        if (f instanceof Effect.Defence d) {
            return new double[] {
                OP_DEFENCE, indexOf(states, d.state()), -1, -1, d.level().value()
            };
        }
        Effect.ConfidenceBuilding c = (Effect.ConfidenceBuilding) f;
        return new double[] {OP_CBM, dyad(c.a(), c.b()), -1, -1, c.level().value()};
    }
}
