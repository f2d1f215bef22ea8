package org.multivector.bargain;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;

/**
 * Reads KTAB's SMP XML format (SPEC §2.2): {@code Scenario} with {@code name}, {@code desc},
 * {@code prngSeed}, optional {@code ModelParameters}, {@code Dimensions/dName*},
 * {@code Actors/Actor*} ({@code name}, {@code description}, {@code capability},
 * {@code Position/dCoord*}, {@code Salience/dSal*}, 0–100 scale) and {@code IdealAdjustment/iaPair*}
 * ({@code adjustingIdeal}, {@code referencePos}, {@code adjust}) setting entries of the
 * accommodation matrix, which starts as the identity.
 *
 * <p>Deviations from KTAB: a missing {@code IdealAdjustment} means the identity matrix (KTAB refuses
 * the file — both XML files shipped with KTAB fail for this or an empty coordinate); positions are
 * range-checked like the CSV reader's (KTAB does not check XML positions). DTDs and external
 * entities are refused.
 */
public final class KtabXml {
    private KtabXml() {}

    /** An element with its text and where it starts. */
    private record Element(String name, String text, int line, int column, List<Element> children) {
        Element child(String n) {
            for (Element e : children) {
                if (e.name.equals(n)) {
                    return e;
                }
            }
            return null;
        }

        List<Element> all(String n) {
            return children.stream().filter(e -> e.name.equals(n)).toList();
        }
    }

    public static BargainingProblem parse(String file, byte[] bytes) {
        String text = BargainingInputs.decode(file, bytes);
        Element root = tree(file, text);
        List<Problem> problems = new ArrayList<>();
        if (!root.name.equals("Scenario")) {
            throw fail(file, root, root.name, "root element is <" + root.name + ">; expected <Scenario>");
        }
        String name = required(problems, file, root, "name", "Scenario");
        String desc = optionalText(root, "desc");
        long seed = Prng.DEFAULT_SEED;
        Element seedEl = root.child("prngSeed");
        if (seedEl == null) {
            problems.add(at(file, root, "prngSeed", "missing <prngSeed> (expected a decimal unsigned 64-bit seed)"));
        } else {
            try {
                seed = Long.parseUnsignedLong(seedEl.text.strip());
            } catch (NumberFormatException e) {
                problems.add(at(
                        file,
                        seedEl,
                        "prngSeed",
                        "'" + BargainingInputs.shorten(seedEl.text) + "' is not a decimal unsigned 64-bit number"));
            }
        }
        SmpParameters params = SmpParameters.DEFAULTS;
        Element mp = root.child("ModelParameters");
        if (mp != null) {
            for (Element e : mp.children) {
                try {
                    String key = SmpParameters.canonicalName(e.name);
                    if (!key.equals(e.name)) {
                        throw new IllegalArgumentException(
                                "unknown model parameter <" + e.name + "> (did you mean <" + key + ">?)");
                    }
                    params = params.with(key, e.text.strip());
                } catch (IllegalArgumentException ex) {
                    problems.add(at(file, e, "ModelParameters." + e.name, ex.getMessage()));
                }
            }
        }
        List<String> dims = new ArrayList<>();
        Element dimsEl = root.child("Dimensions");
        if (dimsEl == null || dimsEl.all("dName").isEmpty()) {
            problems.add(at(
                    file,
                    dimsEl == null ? root : dimsEl,
                    "Dimensions",
                    "missing <Dimensions> with at least one" + " <dName>"));
        } else {
            for (Element d : dimsEl.all("dName")) {
                if (d.text.isBlank()) {
                    problems.add(at(file, d, "Dimensions.dName", "empty dimension name"));
                }
                dims.add(d.text.strip());
            }
        }
        Element actorsEl = root.child("Actors");
        List<Element> actorEls = actorsEl == null ? List.of() : actorsEl.all("Actor");
        if (actorEls.size() < KtabCsv.MIN_ACTORS || actorEls.size() > KtabCsv.MAX_ACTORS) {
            problems.add(at(
                    file,
                    actorsEl == null ? root : actorsEl,
                    "Actors",
                    "found " + actorEls.size() + " <Actor> elements; expected " + KtabCsv.MIN_ACTORS + ".."
                            + KtabCsv.MAX_ACTORS));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        int n = actorEls.size();
        int dn = dims.size();
        List<String> names = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        double[] cap = new double[n];
        double[][] pos = new double[n][dn];
        double[][] sal = new double[n][dn];
        for (int i = 0; i < n; i++) {
            Element a = actorEls.get(i);
            String an = required(problems, file, a, "name", "Actor");
            if (an.length() > KtabCsv.MAX_NAME) {
                problems.add(at(
                        file,
                        a.child("name"),
                        "Actor.name",
                        "actor name has " + an.length() + " characters; expected 1.." + KtabCsv.MAX_NAME));
            }
            names.add(an);
            descriptions.add(optionalText(a, "description"));
            String who = an.isEmpty() ? "Actor[" + (i + 1) + "]" : an;
            Element capEl = a.child("capability");
            if (capEl == null) {
                problems.add(at(file, a, who + ".capability", "missing <capability>"));
            } else {
                Double c = number(problems, file, capEl, who + ".capability");
                if (c != null && !(c > 0 && c <= KtabCsv.MAX_CAPABILITY)) {
                    problems.add(at(
                            file,
                            capEl,
                            who + ".capability",
                            "capability " + c + " is outside (0, 1e8] (expected a positive number)"));
                }
                cap[i] = c == null ? 0 : c;
            }
            List<Element> coords = a.child("Position") == null
                    ? List.of()
                    : a.child("Position").all("dCoord");
            List<Element> sals = a.child("Salience") == null
                    ? List.of()
                    : a.child("Salience").all("dSal");
            if (coords.size() != dn) {
                problems.add(at(
                        file,
                        a.child("Position") == null ? a : a.child("Position"),
                        who + ".Position",
                        "found " + coords.size() + " <dCoord>; expected one per dimension (" + dn + ")"));
            }
            if (sals.size() != dn) {
                problems.add(at(
                        file,
                        a.child("Salience") == null ? a : a.child("Salience"),
                        who + ".Salience",
                        "found " + sals.size() + " <dSal>; expected one per dimension (" + dn + ")"));
            }
            double total = 0;
            for (int d = 0; d < Math.min(dn, coords.size()); d++) {
                Double p = number(problems, file, coords.get(d), who + ".Position.dCoord[" + (d + 1) + "]");
                if (p != null) {
                    if (!(p >= 0 && p <= 100)) {
                        problems.add(at(
                                file,
                                coords.get(d),
                                who + ".Position.dCoord[" + (d + 1) + "]",
                                "position " + p + " is outside [0, 100]"));
                    }
                    pos[i][d] = p / 100.0;
                }
            }
            for (int d = 0; d < Math.min(dn, sals.size()); d++) {
                Double s = number(problems, file, sals.get(d), who + ".Salience.dSal[" + (d + 1) + "]");
                if (s != null) {
                    if (!(s >= 0 && s <= 100)) {
                        problems.add(at(
                                file,
                                sals.get(d),
                                who + ".Salience.dSal[" + (d + 1) + "]",
                                "salience " + s + " is outside [0, 100]"));
                    }
                    total += s;
                    sal[i][d] = s / 100.0;
                }
            }
            if (total > 100) {
                problems.add(at(
                        file,
                        a.child("Salience"),
                        who + ".Salience",
                        "saliences add up to " + total + ", more than 100"));
            } else if (total == 0 && sals.size() == dn) {
                problems.add(at(
                        file,
                        a.child("Salience") == null ? a : a.child("Salience"),
                        who + ".Salience",
                        "every salience is 0 (expected a positive total)"));
            }
        }
        KtabCsv.checkDuplicates(problems, file, names, -1);
        double[][] acc = BargainingProblem.identity(n);
        Element ia = root.child("IdealAdjustment");
        if (ia != null) {
            for (Element pair : ia.all("iaPair")) {
                String from = required(problems, file, pair, "adjustingIdeal", "iaPair");
                String to = required(problems, file, pair, "referencePos", "iaPair");
                int r = names.indexOf(from);
                int c = names.indexOf(to);
                if (r < 0 && !from.isEmpty()) {
                    problems.add(at(
                            file,
                            pair.child("adjustingIdeal"),
                            "iaPair.adjustingIdeal",
                            "unknown actor '" + BargainingInputs.shorten(from)
                                    + "' (expected one of the <Actor> names)"));
                }
                if (c < 0 && !to.isEmpty()) {
                    problems.add(at(
                            file,
                            pair.child("referencePos"),
                            "iaPair.referencePos",
                            "unknown actor '" + BargainingInputs.shorten(to)
                                    + "' (expected one of the <Actor> names)"));
                }
                Element adj = pair.child("adjust");
                Double v = adj == null ? null : number(problems, file, adj, "iaPair.adjust");
                if (adj == null) {
                    problems.add(at(file, pair, "iaPair.adjust", "missing <adjust>"));
                } else if (v != null && !(v >= 0 && v <= 1)) {
                    problems.add(at(file, adj, "iaPair.adjust", "adjust " + v + " is outside [0, 1]"));
                }
                if (r >= 0 && c >= 0 && v != null) {
                    acc[r][c] = v;
                }
            }
            for (int r = 0; r < n; r++) {
                double sum = 0;
                for (int c = 0; c < n; c++) {
                    sum += acc[r][c];
                }
                if (sum > 1 + 1e-10) {
                    problems.add(at(
                            file,
                            ia,
                            "IdealAdjustment",
                            "the adjustments of " + names.get(r) + " add up to " + sum + ", more than 1"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new BargainingProblem(
                name, desc, file, dims, List.of(), names, descriptions, cap, pos, sal, acc, seed, params, false);
    }

    private static String required(List<Problem> problems, String file, Element parent, String child, String where) {
        Element e = parent.child(child);
        if (e == null || e.text.isBlank()) {
            problems.add(at(
                    file,
                    e == null ? parent : e,
                    where + "." + child,
                    e == null ? "missing <" + child + ">" : "empty <" + child + ">"));
            return "";
        }
        return e.text.strip();
    }

    private static String optionalText(Element parent, String child) {
        Element e = parent.child(child);
        return e == null ? "" : e.text.strip();
    }

    private static Double number(List<Problem> problems, String file, Element e, String path) {
        String t = e.text.strip();
        if (t.isEmpty()) {
            problems.add(at(file, e, path, "empty <" + e.name + "> (expected a number)"));
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v) || Character.isLetter(t.charAt(t.length() - 1))) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException ex) {
            problems.add(at(file, e, path, "'" + BargainingInputs.shorten(t) + "' is not a number"));
            return null;
        }
    }

    private static Problem at(String file, Element e, String path, String message) {
        return new Problem(file, e.line, e.column, path, message, null);
    }

    private static ScenarioException fail(String file, Element e, String path, String message) {
        return new ScenarioException(List.of(at(file, e, path, message)));
    }

    private static Element tree(String file, String text) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new StringReader(text));
            List<Object[]> stack = new ArrayList<>();
            Element root = null;
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (++depth > 20) {
                        throw new ScenarioException(List.of(new Problem(
                                file,
                                r.getLocation().getLineNumber(),
                                r.getLocation().getColumnNumber(),
                                "",
                                "elements nested deeper than 20 levels",
                                null)));
                    }
                    stack.add(new Object[] {
                        r.getLocalName(),
                        new StringBuilder(),
                        r.getLocation().getLineNumber(),
                        r.getLocation().getColumnNumber(),
                        new ArrayList<Element>()
                    });
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (!stack.isEmpty()) {
                        ((StringBuilder) stack.get(stack.size() - 1)[1]).append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    Object[] top = stack.remove(stack.size() - 1);
                    @SuppressWarnings("unchecked")
                    List<Element> kids = (List<Element>) top[4];
                    Element e = new Element(
                            (String) top[0], top[1].toString(), (Integer) top[2], (Integer) top[3], List.copyOf(kids));
                    if (stack.isEmpty()) {
                        root = e;
                    } else {
                        @SuppressWarnings("unchecked")
                        List<Element> parentKids = (List<Element>) stack.get(stack.size() - 1)[4];
                        parentKids.add(e);
                    }
                }
            }
            if (root == null) {
                throw new ScenarioException(List.of(new Problem(file, 1, 1, "", "no XML element found", null)));
            }
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
            String msg = e.getMessage();
            int cut = msg == null ? -1 : msg.indexOf("Message: ");
            msg = cut >= 0 ? msg.substring(cut + 9) : msg;
            throw new ScenarioException(List.of(new Problem(file, line, col, "", "malformed XML: " + msg, null)));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }
}
