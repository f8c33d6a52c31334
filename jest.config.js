/** Test suites by kind; `npm test` runs them all. */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' } },
  ],
};
const project = (name, environment = 'node', extra = {}) => ({
  displayName: name,
  testEnvironment: environment,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  transform,
  ...extra,
});

module.exports = {
  projects: [
    project('unit'),
    project('emulator'),
    project('host'),
    project('functions'),
    project('component', 'jsdom'),
    project('weapp'),
    project('browser'),
  ],
};
