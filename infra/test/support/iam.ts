// The IAM helpers live in lib/iam-check.ts (deploy:check uses them too).
export { type Atom, atomsOf, atomsOfRole, canonical, covers, globMatches, resolverFor } from "../../lib/iam-check.js";
