import fc from 'fast-check';

// Property tests draw new cases on every local run; in CI they use one fixed seed so a submission's result
// does not depend on luck. A failure prints its seed and counterexample either way.
if (process.env.CI) fc.configureGlobal({ seed: 20_261_126 });
