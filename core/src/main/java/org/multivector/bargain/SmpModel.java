package org.multivector.bargain;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.multivector.bargain.SmpParameters.BargnModel;
import org.multivector.bargain.SmpParameters.StateTransitions;

/**
 * KTAB's Spatial Model of Politics, turn by turn (SPEC §0, §5–§10). Each turn: utilities and risk
 * attitudes in the current state (§5), every actor's most profitable challenge (§6), the bargains
 * those challenges propose (§7), every actor's choice among the bargains that concern it (§8), and
 * the new state (§9); until positions stop moving (§10).
 *
 * <p>Lists, draws and sums follow one canonical order (actors 0..N−1), so a run is a pure function
 * of the problem: the same on any number of threads ({@code parallel} only spreads the independent
 * per-actor computations of a turn over the common fork-join pool, each writing its own slot).
 */
public final class SmpModel {
    /** KTAB's turn limit. */
    public static final int MAX_TURNS = 100;
    /** Smallest expected gain that makes a challenge worth proposing. */
    public static final double MIN_GAIN = 1e-5;
    /** Positions closer than this (Euclidean, [0, 1] scale) count as one option when reporting probabilities. */
    public static final double SAME_POSITION = 1e-3;

    private final BargainingProblem problem;
    private final SmpParameters par;
    private final int n;
    private final int dims;
    private final double[] cap;
    private final double[] sigma;
    private final double[] omega;
    private final boolean identity;
    private final boolean parallel;
    private final int maxTurns;

    private SmpModel(BargainingProblem problem, int maxTurns, boolean parallel) {
        this.problem = problem;
        this.par = problem.parameters();
        this.n = problem.actorCount();
        this.dims = problem.dimensionCount();
        this.cap = problem.capability();
        this.sigma = new double[n];
        this.omega = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int d = 0; d < dims; d++) {
                s += problem.salience()[i][d];
            }
            sigma[i] = s;
            omega[i] = s * cap[i];
            if (!(s > 0 && s <= 1 + 1e-12)) {
                throw new BargainingException(
                        "actor " + problem.actors().get(i) + ": total salience " + s + " is outside (0, 1]");
            }
            if (!(cap[i] > 0)) {
                throw new BargainingException(
                        "actor " + problem.actors().get(i) + ": capability " + cap[i] + " must be positive");
            }
        }
        this.identity = problem.identityAccommodation();
        this.parallel = parallel;
        this.maxTurns = maxTurns;
    }

    /** Runs the model with KTAB's turn limit, single-threaded. */
    public static SmpHistory run(BargainingProblem problem) {
        return run(problem, MAX_TURNS, false);
    }

    /**
     * Runs the model.
     *
     * @param maxTurns at most this many bargaining turns (KTAB: 100); at least 2
     * @param parallel spread each turn's per-actor work over the common fork-join pool (same result)
     */
    public static SmpHistory run(BargainingProblem problem, int maxTurns, boolean parallel) {
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be at least 1, got " + maxTurns);
        }
        return new SmpModel(problem, maxTurns, parallel).execute();
    }

    /** h's estimate of a challenge by i against j as seen by k, in the problem's initial state (for tests). */
    static Challenge.Estimate initialEstimate(BargainingProblem problem, int h, int k, int i, int j) {
        return new SmpModel(problem, MAX_TURNS, false).initialState().estimate(h, k, i, j);
    }

    /** {@code U^h_{ij}} in the problem's initial state (for tests). */
    static double initialPerspective(BargainingProblem problem, int h, int i, int j) {
        State s = new SmpModel(problem, MAX_TURNS, false).initialState();
        double[] col = new double[problem.actorCount()];
        s.perspectiveColumn(s.blended(h), j, col);
        return col[i];
    }

    private State initialState() {
        double[][] x0 = copy(problem.position());
        return new State(x0, copy(x0));
    }

    /** Everything §5 computes in one state. */
    private final class State {
        final double[][] x;
        final double[][] ideal;
        final double[][] dmat = new double[n][n];
        final double[] r;
        /** Every position had the same chance (R set to 0 where KTAB has NaN). */
        final boolean even;
        /** {@code own[a][m] = U^a_{a m}}: a's own estimate of its utility of m's position. */
        final double[][] own = new double[n][n];

        State(double[][] x, double[][] ideal) {
            this.x = x;
            this.ideal = ideal;
            double[][] sal = problem.salience();
            forEach(i -> {
                for (int j = 0; j < n; j++) {
                    dmat[i][j] = SpatialUtility.distance(sal[i], ideal[i], x[j]);
                }
            });
            double[][] v = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    v[i][j] = SpatialUtility.utility(dmat[i][j], 0.0);
                }
            }
            double[] p = Pce.scalar(cap, v, n, par.votingRule(), par.victoryProbModel(), par.pceModel());
            r = RiskAttitude.fromProbabilities(par.bigRRange(), p);
            even = RiskAttitude.isEven(p);
            for (int a = 0; a < n; a++) {
                double ra = RiskAttitude.blend(par.bigRAdjust(), r[a], r[a]);
                for (int m = 0; m < n; m++) {
                    own[a][m] = SpatialUtility.utility(dmat[a][m], ra);
                }
            }
        }

        /** {@code U^h_{n m}} for all n: h's estimate of each actor's utility of m's position. */
        void perspectiveColumn(double[] blended, int m, double[] out) {
            for (int k = 0; k < n; k++) {
                out[k] = SpatialUtility.utility(dmat[k][m], blended[k]);
            }
        }

        double[] blended(int h) {
            double[] b = new double[n];
            for (int k = 0; k < n; k++) {
                b[k] = RiskAttitude.blend(par.bigRAdjust(), r[h], r[k]);
            }
            return b;
        }

        /** {@code U^h_{n n}} for all n. */
        double[] ownColumn(double[] blended) {
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                out[k] = SpatialUtility.utility(dmat[k][k], blended[k]);
            }
            return out;
        }

        /** h's estimate of a challenge by i against j, as seen for k. */
        Challenge.Estimate estimate(int h, int k, int i, int j) {
            double[] b = blended(h);
            double[] ui = new double[n];
            double[] uj = new double[n];
            perspectiveColumn(b, i, ui);
            perspectiveColumn(b, j, uj);
            return Challenge.estimate(
                    par.votingRule(), par.thirdPartyCommit(), omega, sigma[j], ui, uj, ownColumn(b), k, i, j, identity);
        }

        /** The winning probability of each actor's position (SPEC §13.1). */
        double[] winProbabilities() {
            List<Integer> reps = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                boolean found = false;
                for (int rep : reps) {
                    if (Transition.euclid(x[a], x[rep]) < SAME_POSITION) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    reps.add(a);
                }
            }
            int m = reps.size();
            double[][] u = new double[n][m];
            for (int a = 0; a < n; a++) {
                for (int o = 0; o < m; o++) {
                    u[a][o] = own[a][reps.get(o)];
                }
            }
            double[] p = Pce.scalar(cap, u, m, par.votingRule(), par.victoryProbModel(), par.pceModel());
            double[] result = new double[n];
            for (int i = 0; i < n; i++) {
                int option = -1;
                for (int o = 0; o < m; o++) {
                    if (Transition.euclid(x[i], x[reps.get(o)]) < SAME_POSITION) {
                        option = o;
                    }
                }
                result[i] = p[option];
            }
            return result;
        }
    }

    private SmpHistory execute() {
        List<double[][]> positions = new ArrayList<>();
        List<double[][]> ideals = new ArrayList<>();
        List<double[]> risks = new ArrayList<>();
        List<double[]> probs = new ArrayList<>();
        List<SmpHistory.Turn> turnRecords = new ArrayList<>();
        List<Double> change = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (par.bigRAdjust() == SmpParameters.BigRAdjust.FULL) {
            notes.add("BigRAdjust=Full: KTAB aborts such runs on a sanity check that Full always fails;"
                    + " run here as specified (docs/BARGAINING.md, deviations)");
        }
        Prng prng = new Prng(problem.seed());

        State state = initialState();
        if (state.even) {
            notes.add("even field from state 0: every position is equally likely to win, so every risk attitude"
                    + " is 0 (KTAB: 0/0 = NaN and a failed run)");
        }
        positions.add(state.x);
        ideals.add(state.ideal);
        risks.add(state.r);
        probs.add(state.winProbabilities());
        double firstMove = 0;
        SmpHistory.StopReason reason;
        for (int t = 0; ; t++) {
            boolean riskNeutral = t == 0 && problem.riskNeutralFirstOutcomes();
            SmpHistory.Turn turn = turn(state, riskNeutral, prng);
            turnRecords.add(turn);
            double[][] next = new double[n][];
            for (int k = 0; k < n; k++) {
                Bargain b = turn.chosen().get(k);
                next[k] =
                        b.isStatusQuo() ? state.x[k].clone() : b.positionFor(k).clone();
            }
            double[][] nextIdeal = Transition.ideals(problem.accommodation(), next, state.ideal);
            State after = new State(next, nextIdeal);
            positions.add(after.x);
            ideals.add(after.ideal);
            risks.add(after.r);
            probs.add(after.winProbabilities());
            double moved = Transition.distance(after.x, state.x);
            int stateIndex = t + 1;
            if (stateIndex == 1) {
                firstMove = moved;
            }
            double ratio = Transition.ratio(moved, firstMove);
            change.add(ratio);
            if (after.even && notes.stream().noneMatch(m -> m.startsWith("even field"))) {
                notes.add("even field from state " + stateIndex + ": every position is equally likely to win, so"
                        + " every risk attitude is 0 (KTAB: 0/0 = NaN and a failed run)");
            }
            state = after;
            if (Transition.stops(stateIndex, ratio, maxTurns)) {
                reason = stateIndex >= 2 && ratio < Transition.STOP_RATIO
                        ? SmpHistory.StopReason.CONVERGED
                        : SmpHistory.StopReason.MAX_TURNS;
                break;
            }
        }
        return new SmpHistory(problem, positions, ideals, risks, probs, turnRecords, change, reason, notes);
    }

    /** One bargaining turn from {@code s}: targets, bargains, lists, resolution. */
    private SmpHistory.Turn turn(State s, boolean riskNeutralOutcomes, Prng prng) {
        double[][] sal = problem.salience();
        // §6: each initiator's best target, §7: its bargain(s).
        // each initiator writes only its own slot, so the parallel loop needs no locking
        Bargain[][] byInitiator = new Bargain[n][0];
        forEach(i -> {
            double[] blended = s.blended(i);
            double[] uAtI = new double[n];
            double[] uAtJ = new double[n];
            s.perspectiveColumn(blended, i, uAtI);
            double[] uOwn = s.ownColumn(blended);
            int best = -1;
            double bestGain = -1;
            double bestPhi = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                s.perspectiveColumn(blended, j, uAtJ);
                Challenge.Estimate e = Challenge.estimate(
                        par.votingRule(), par.thirdPartyCommit(), omega, sigma[j], uAtI, uAtJ, uOwn, i, i, j, identity);
                if (e.gain() > MIN_GAIN && e.gain() > bestGain) {
                    best = j;
                    bestGain = e.gain();
                    bestPhi = e.phi();
                }
            }
            if (best >= 0) {
                byInitiator[i] = bargains(s, i, best, bestPhi, bestGain, sal).toArray(new Bargain[0]);
            }
        });
        List<List<Bargain>> proposed = new ArrayList<>();
        for (Bargain[] b : byInitiator) {
            proposed.add(List.of(b));
        }
        // §7.3: canonical lists.
        List<List<Bargain>> lists = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            lists.add(new ArrayList<>());
        }
        Bargain[] statusQuo = new Bargain[n];
        for (int i = 0; i < n; i++) {
            statusQuo[i] = Bargain.statusQuo(i, s.x[i]);
            lists.get(i).add(statusQuo[i]);
            for (Bargain b : proposed.get(i)) {
                lists.get(i).add(b);
                lists.get(b.receiver()).add(b);
            }
        }
        // §8: value of each bargain's resulting state for every voter (computed once per bargain).
        double[] sqValue = new double[n];
        for (int a = 0; a < n; a++) {
            double acc = 0;
            for (int m = 0; m < n; m++) {
                acc += s.own[a][m];
            }
            sqValue[a] = acc / n;
        }
        List<Bargain> all = new ArrayList<>();
        for (List<Bargain> p : proposed) {
            all.addAll(p);
        }
        double[][] values = new double[all.size()][];
        double[] outcomeRisk = riskNeutralOutcomes ? new double[n] : s.r;
        forEachOf(all.size(), q -> values[q] = outcomeValues(s, all.get(q), outcomeRisk));
        Map<Bargain, double[]> valueOf = new IdentityHashMap<>();
        for (int q = 0; q < all.size(); q++) {
            valueOf.put(all.get(q), values[q]);
        }
        double[][] probabilities = new double[n][];
        forEach(k -> {
            List<Bargain> list = lists.get(k);
            int m = list.size();
            double[][] u = new double[n][m];
            for (int o = 0; o < m; o++) {
                Bargain b = list.get(o);
                double[] val = b.isStatusQuo() ? sqValue : valueOf.get(b);
                for (int a = 0; a < n; a++) {
                    u[a][o] = val[a];
                }
            }
            probabilities[k] = Pce.scalar(cap, u, m, par.votingRule(), par.victoryProbModel(), par.pceModel());
        });
        List<Bargain> chosen = new ArrayList<>();
        double[] chosenP = new double[n];
        for (int k = 0; k < n; k++) {
            double[] p = probabilities[k];
            int pick;
            if (par.stateTransitions() == StateTransitions.STOCHASTIC) {
                pick = prng.select(p);
            } else {
                pick = 0;
                for (int o = 1; o < p.length; o++) {
                    if (Math.abs(p[o]) > Math.abs(p[pick])) {
                        pick = o;
                    }
                }
            }
            chosen.add(lists.get(k).get(pick));
            chosenP[k] = p[pick];
        }
        return new SmpHistory.Turn(proposed, chosen, chosenP);
    }

    /** The bargain(s) initiator i proposes to target j (SPEC §7.2). */
    private List<Bargain> bargains(State s, int i, int j, double phi, double gain, double[][] sal) {
        Bargain fromI =
                Bargain.interpolate(par.interVecBrgn(), i, j, s.x[i], s.x[j], sal[i], sal[j], phi, 1 - phi, gain);
        if (par.bargnModel() == BargnModel.INIT_ONLY_INTERP) {
            return List.of(fromI);
        }
        // KTAB takes the gain component of j's estimate here, not the probability (SPEC §7.2).
        double psi = s.estimate(j, i, i, j).gain();
        Bargain fromJ =
                Bargain.interpolate(par.interVecBrgn(), i, j, s.x[i], s.x[j], sal[i], sal[j], psi, 1 - psi, gain);
        if (par.bargnModel() == BargnModel.INIT_RCVR_INTERP) {
            return List.of(fromI, fromJ);
        }
        return List.of(Bargain.compromise(fromI, fromJ, cap[i], sigma[i], sigma[j]));
    }

    /**
     * Each voter a's value of the state in which only bargain b is implemented:
     * {@code (u_a(y_I) + u_a(y_J) + Σ_{n∉{I,J}} U^a_{a n}) / N} with {@code u_a(y)} a's utility
     * (own ideal, own saliences, own risk attitude) of the new positions.
     */
    private double[] outcomeValues(State s, Bargain b, double[] risk) {
        double[][] sal = problem.salience();
        double[] val = new double[n];
        int bi = b.initiator();
        int bj = b.receiver();
        for (int a = 0; a < n; a++) {
            double acc = 0;
            acc += SpatialUtility.utility(SpatialUtility.distance(sal[a], s.ideal[a], b.initiatorPosition()), risk[a]);
            acc += SpatialUtility.utility(SpatialUtility.distance(sal[a], s.ideal[a], b.receiverPosition()), risk[a]);
            for (int m = 0; m < n; m++) {
                if (m != bi && m != bj) {
                    acc += s.own[a][m];
                }
            }
            double v = acc / n;
            if (!(v > 0 && v <= 1)) {
                throw new BargainingException("actor " + problem.actors().get(a) + " values the bargain between "
                        + problem.actors().get(bi) + " and " + problem.actors().get(bj) + " at " + v
                        + ", outside (0, 1]");
            }
            val[a] = v;
        }
        return val;
    }

    private void forEach(IntConsumer body) {
        forEachOf(n, body);
    }

    private void forEachOf(int count, IntConsumer body) {
        if (parallel && count > 1) {
            IntStream.range(0, count).parallel().forEach(body);
        } else {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
