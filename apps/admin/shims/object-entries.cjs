// node-polyglot (react-admin's translations) requires the `object.entries` polyfill, which brings ~5 kB of
// es-abstract helpers into the first screen; every browser the dashboard supports has Object.entries.
module.exports = Object.entries;
