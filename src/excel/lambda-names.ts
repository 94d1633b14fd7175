/**
 * The formulas the officials asked for, as they type them: =IPTARGET("JZ-05"). Excel prefixes custom
 * functions with their namespace (=IP.TARGET), so where Excel has LAMBDA the add-in also defines
 * workbook names IPTARGET, IPSTATUS … as LAMBDA wrappers over IP.*, optional arguments kept (an
 * omitted one is left out of the call, as if the official had left it out of IP.*). Where Excel has
 * no LAMBDA nothing is defined and nothing else changes; a name of that spelling the official made
 * is never overwritten.
 */

export interface LambdaParam {
  name: string;
  optional?: boolean;
}

/** The IP.* functions and their parameters, as src/functions/functions.ts declares them. */
export const IP_FUNCTIONS: ReadonlyArray<{ fn: string; params: LambdaParam[] }> = [
  { fn: "TARGET", params: [{ name: "id" }, { name: "year", optional: true }] },
  { fn: "BASELINE", params: [{ name: "id" }] },
  { fn: "EXPECTED", params: [{ name: "id" }, { name: "year" }] },
  { fn: "PROGRESS", params: [{ name: "id" }, { name: "actual" }, { name: "year", optional: true }] },
  { fn: "COMPLETION", params: [{ name: "id" }, { name: "actual" }, { name: "year", optional: true }] },
  { fn: "STATUS", params: [{ name: "id" }, { name: "actual" }, { name: "year", optional: true }, { name: "language", optional: true }] },
  { fn: "GAP", params: [{ name: "id" }, { name: "actual" }, { name: "year", optional: true }] },
  { fn: "REQUIRED", params: [{ name: "id" }, { name: "actual" }, { name: "year" }] },
  { fn: "PROJECT", params: [{ name: "id" }, { name: "actuals" }, { name: "years" }, { name: "method", optional: true }] },
  { fn: "INFO", params: [{ name: "id" }, { name: "field" }] },
  { fn: "LIST", params: [{ name: "plan" }, { name: "language", optional: true }] },
];

/** The workbook name of a function's wrapper: IP.TARGET → IPTARGET. */
export const lambdaName = (fn: string) => `IP${fn}`;

/**
 * =LAMBDA(id,[year],IF(ISOMITTED(year),IP.TARGET(id),IP.TARGET(id,year))): each combination of
 * given and omitted optional arguments calls IP.* with just those given (an inner one left empty).
 */
export function lambdaFormula(fn: string, params: readonly LambdaParam[], ipName: (fn: string) => string = (f) => `IP.${f}`): string {
  const required = params.filter((p) => !p.optional).map((p) => p.name);
  const optional = params.filter((p) => p.optional).map((p) => p.name);
  const call = (given: string[]) => {
    const args = [...required, ...given];
    while (args.length > required.length && args[args.length - 1] === "") args.pop();
    return `${ipName(fn)}(${args.join(",")})`;
  };
  const node = (i: number, given: string[]): string =>
    i === optional.length ? call(given) : `IF(ISOMITTED(${optional[i]}),${node(i + 1, [...given, ""])},${node(i + 1, [...given, optional[i]])})`;
  const signature = params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(",");
  return `=LAMBDA(${signature},${node(0, [])})`;
}

export const LAMBDA_NAMES: ReadonlyArray<{ name: string; formula: string }> = IP_FUNCTIONS.map(({ fn, params }) => ({
  name: lambdaName(fn),
  formula: lambdaFormula(fn, params),
}));

/** A name's formula is one of ours (this version or an earlier one): a LAMBDA over the same IP function. */
export function isOurLambda(name: string, formula: string): boolean {
  const fn = name.toUpperCase().replace(/^IP/, "");
  return /^=\s*LAMBDA\(/i.test(formula) && new RegExp(`IP\\.${fn}\\(`, "i").test(formula) && !/[!$]/.test(formula);
}

export interface NamePlan {
  add: Array<{ name: string; formula: string }>;
  update: Array<{ name: string; formula: string }>;
  /** Names the official defined with our spelling: left alone. */
  foreign: string[];
}

/** What to define, given the workbook's names (read in the first sync). */
export function planLambdaNames(existing: ReadonlyArray<{ name: string; formula: string }>): NamePlan {
  const byName = new Map(existing.map((n) => [n.name.toUpperCase(), n]));
  const plan: NamePlan = { add: [], update: [], foreign: [] };
  const norm = (f: string) => f.replace(/\s+/g, "").toUpperCase();
  for (const want of LAMBDA_NAMES) {
    const have = byName.get(want.name.toUpperCase());
    if (!have) plan.add.push(want);
    else if (!isOurLambda(have.name, have.formula)) plan.foreign.push(have.name);
    else if (norm(have.formula) !== norm(want.formula)) plan.update.push({ name: have.name, formula: want.formula });
  }
  return plan;
}

export function foreignNamesNote(names: readonly string[]): string {
  const list = names.join("、");
  return `工作簿中已有名称 ${list}（不是加载项定义的），未覆盖；这些名称下的 =${names[0]}(…) 不会调用 IP.*，请用 IP.${names[0].slice(2)}(…) / the workbook already has names ${names.join(", ")} that the add-in did not define; they were left alone, so use IP.${names[0].slice(2)}(…) there`;
}
