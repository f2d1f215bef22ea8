package org.multivector.bargain;

final class BargainingYaml {
    private BargainingYaml() {}

    static BargainingProblem parse(String file, byte[] bytes) {
        throw new UnsupportedOperationException("TODO");
    }
}
