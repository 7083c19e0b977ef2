/**
 * The Athena (engine v3) check of a statement's text: Trino's grammar (dt-sql-parser's TrinoSQL,
 * an ANTLR parser built from Trino's SqlBase.g4) decides the syntax, then every function, cast
 * type, typed literal, interval field, operator, grammar construct, statement form and table
 * property found in the parse tree must be on the allow-list (./athena-sql-allow-list.ts), each
 * entry of which cites the Athena or Trino page that documents it. Athena's own UNLOAD, which
 * Trino's grammar lacks, is taken apart by its documented shape (`UNLOAD (query) TO 's3://…'
 * WITH (property = value, …)`) on the Trino lexer's tokens, and its query checked as a SELECT.
 *
 * The grammar alone would accept a DuckDB-only or invented function (`epoch(x)`, `list_value(…)`
 * are well-formed calls): the allow-list is what refuses them. The grammar refuses `x::INTEGER`;
 * the lexical scan names it.
 */
import { TrinoSQL } from "dt-sql-parser";
import {
  type Entry,
  FUNCTIONS,
  INTERVAL_FIELDS,
  KEYWORDS,
  OPERATORS,
  SPECIAL_FUNCTION_SYNTAX,
  STATEMENTS,
  SYNTAX,
  TABLE_PROPERTIES,
  TYPES,
  type StatementForm,
} from "./athena-sql-allow-list.js";

/** What a statement uses, by kind (names lower-case, as the allow-list keys them). */
export interface SqlInventory {
  statement: StatementForm | string;
  readonly functions: Set<string>;
  readonly types: Set<string>;
  readonly intervalFields: Set<string>;
  readonly operators: Set<string>;
  /** Keywords (not those used as names). */
  readonly keywords: Set<string>;
  /** Grammar productions (dt-sql-parser's context classes). */
  readonly syntax: Set<string>;
  readonly properties: Set<string>;
}

export interface SqlCheck {
  readonly errors: readonly string[];
  readonly inventory: SqlInventory;
}

const trino = new TrinoSQL();

// The parser's types, as dt-sql-parser exposes them (its ANTLR runtime is not a dependency of ours).
type ParserRuleContext = ReturnType<TrinoSQL["parse"]>;
type ParseTree = NonNullable<ParserRuleContext["children"]>[number];
type Token = ReturnType<TrinoSQL["getAllTokens"]>[number];
type TerminalNode = ParseTree & { readonly symbol: Token; readonly parent: ParseTree | null };

/** Functions DuckDB has and Athena (Trino) does not, named so that the failure says why. */
const DUCKDB_ONLY = new Set(["epoch", "epoch_ms", "list_value", "strftime", "strptime", "struct_pack", "list_aggregate", "string_agg", "datediff", "date_part", "regexp_matches", "read_parquet", "read_ndjson", "array_length"]);

const inventory = (): SqlInventory => ({
  statement: "?",
  functions: new Set(),
  types: new Set(),
  intervalFields: new Set(),
  operators: new Set(),
  keywords: new Set(),
  syntax: new Set(),
  properties: new Set(),
});

/** Tokens on the default channel (no white space or comments), with EOF dropped. */
function tokens(text: string): Token[] {
  return trino
    .createLexer(text, () => undefined)
    .getAllTokens()
    .filter((t) => t.channel === 0 && t.type !== -1);
}

/** `::`, DuckDB's and PostgreSQL's cast, outside strings, quoted identifiers and comments. */
function doubleColons(toks: readonly Token[]): string[] {
  const out: string[] = [];
  toks.forEach((t, i) => {
    const next = toks[i + 1];
    if (t.text === ":" && next?.text === ":" && next.start === t.stop + 1) out.push(`'::' cast at line ${t.line}:${t.column + 1} (DuckDB / PostgreSQL syntax; Athena: CAST(x AS type))`);
  });
  return out;
}

/** The text of a context (or the slice of `text` it spans), with the original spacing. */
function source(text: string, ctx: ParserRuleContext): string {
  const start = ctx.start?.start ?? 0;
  const stop = ctx.stop?.stop ?? start - 1;
  return text.slice(start, stop + 1);
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** A type as the allow-list keys it: its name without parameters (`decimal(10,2)` → `decimal`). */
const typeName = (s: string) => norm(s).replace(/\s*\(.*$/, "");

/** A property value: a string literal, or ARRAY['a', …] (the forms Athena's CTAS and UNLOAD document). */
const PROPERTY_VALUE = /^(?:'(?:[^']|'')*'|ARRAY\s*\[\s*'(?:[^']|'')*'(?:\s*,\s*'(?:[^']|'')*')*\s*\])$/i;

/** A rule's context (terminal nodes carry a token instead; antlr4ng is dt-sql-parser's, not imported here). */
const isRule = (node: ParseTree): node is ParserRuleContext => !("symbol" in node);

/** Contexts judged by what they hold (a call's name, a cast's type, …) rather than by their kind. */
const JUDGED = new Set(["FunctionCallContext", "CastContext", "TypeConstructorContext", "IntervalFieldContext", "PropertyContext"]);

/** Walk the parse tree of a Trino statement (or query), recording and judging what it uses. */
function walk(text: string, root: ParseTree, inv: SqlInventory, errors: string[]): void {
  const where = (ctx: ParserRuleContext) => `line ${ctx.start?.line ?? "?"}:${(ctx.start?.column ?? 0) + 1}`;
  const vocabulary = trino.createLexer("").vocabulary;
  let statements = 0;
  const visit = (node: ParseTree): void => {
    if (!isRule(node)) {
      // A keyword (not one used as a name: those sit under a NonReserved context).
      const leaf = node as unknown as TerminalNode;
      const symbol = vocabulary.getSymbolicName(leaf.symbol.type) ?? "";
      const parent = leaf.parent?.constructor.name;
      if (symbol.startsWith("KW_") && parent !== "NonReservedContext") {
        const keyword = symbol.slice(3);
        inv.keywords.add(keyword);
        if (!(keyword in KEYWORDS)) errors.push(`keyword ${keyword} at line ${leaf.symbol.line}:${leaf.symbol.column + 1} is not on the allow-list`);
      }
      return;
    }
    const kind = node.constructor.name;
    const statement = (Object.entries(STATEMENTS) as [StatementForm, (typeof STATEMENTS)[StatementForm]][]).find(([, s]) => s.context === kind);
    if (statement) {
      if (statements++ === 0) inv.statement = statement[0];
      else errors.push(`more than one statement (${inv.statement}, then ${statement[0]} at ${where(node)}): Athena runs one statement per query`);
    } else if (kind === "FunctionCallContext") {
      const name = norm((node as unknown as { functionName(): ParserRuleContext }).functionName().getText());
      inv.functions.add(name);
      if (!(name in FUNCTIONS)) errors.push(`function ${name}() at ${where(node)} is not on the allow-list${DUCKDB_ONLY.has(name) ? " (a DuckDB function: Athena has none of that name)" : ""}`);
    } else if (kind in SPECIAL_FUNCTION_SYNTAX) {
      const name = SPECIAL_FUNCTION_SYNTAX[kind] as string;
      inv.functions.add(name);
      if (!(name in FUNCTIONS)) errors.push(`function ${name}() at ${where(node)} is not on the allow-list`);
    } else if (kind === "CastContext") {
      const cast = node as unknown as { KW_TRY_CAST(): TerminalNode | null; type(): ParserRuleContext };
      const type = typeName(source(text, cast.type()));
      inv.types.add(type);
      if (!(type in TYPES)) errors.push(`type ${type} (in ${cast.KW_TRY_CAST() ? "TRY_CAST" : "CAST"}) at ${where(node)} is not on the allow-list`);
    } else if (kind === "TypeConstructorContext") {
      const literal = source(text, node);
      const type = norm(literal.slice(0, literal.indexOf("'")));
      inv.types.add(type);
      if (!(type in TYPES)) errors.push(`typed literal ${type.toUpperCase()} '…' at ${where(node)}: type ${type} is not on the allow-list`);
    } else if (kind === "IntervalFieldContext") {
      const field = norm(node.getText());
      inv.intervalFields.add(field);
      if (!(field in INTERVAL_FIELDS)) errors.push(`interval field ${field.toUpperCase()} at ${where(node)} is not on the allow-list`);
    } else if (kind === "PropertyContext") {
      const [name, ...rest] = source(text, node).split("=");
      const key = norm(name ?? "");
      inv.properties.add(key);
      const allowed = TABLE_PROPERTIES[inv.statement as keyof typeof TABLE_PROPERTIES] as Record<string, Entry> | undefined;
      if (!allowed || !(key in allowed)) errors.push(`property ${key} of ${inv.statement} at ${where(node)} is not on the allow-list`);
      const value = rest.join("=").trim();
      if (!PROPERTY_VALUE.test(value)) errors.push(`property ${key} at ${where(node)}: the value must be a string or ARRAY of strings`);
      if (key === "external_location" && !/^'s3:\/\/[^']+\/'$/.test(value)) errors.push(`property external_location at ${where(node)} must be an 's3://bucket/prefix/' folder`);
    } else if (kind === "ComparisonOperatorContext" || kind === "ArithmeticBinaryContext" || kind === "ArithmeticUnaryContext" || kind === "ConcatenationContext") {
      // The operator is the context's own token (its operands are contexts).
      for (const child of node.children ?? []) {
        if (isRule(child)) continue;
        const op = child.getText();
        inv.operators.add(op);
        if (!(op in OPERATORS)) errors.push(`operator ${op} at ${where(node)} is not on the allow-list`);
      }
    }
    if (!statement && !JUDGED.has(kind) && !(kind in SPECIAL_FUNCTION_SYNTAX)) {
      inv.syntax.add(kind);
      if (!(kind in SYNTAX)) errors.push(`construct ${kind.replace(/Context$/, "")} at ${where(node)} ("${norm(source(text, node)).slice(0, 60)}") is not on the allow-list`);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
}

/** The first descendant (or `node` itself) of a context class, depth first. */
function find(node: ParseTree, kind: string): ParserRuleContext | undefined {
  if (!isRule(node)) return undefined;
  if (node.constructor.name === kind) return node;
  for (const child of node.children ?? []) {
    const hit = find(child, kind);
    if (hit) return hit;
  }
  return undefined;
}

/** The select lists a query's rows come from: one per branch of its set operations. */
function branches(node: ParserRuleContext): ParserRuleContext[] {
  if (node.constructor.name === "QuerySpecificationContext") return [node];
  if (node.constructor.name === "InlineTableContext") return [node];
  const through = new Set(["QueryNoWithContext", "QueryTermDefaultContext", "SetOperationContext", "QueryPrimaryDefaultContext", "SubqueryContext"]);
  return (node.children ?? []).filter((c): c is ParserRuleContext => isRule(c) && (through.has(c.constructor.name) || c.constructor.name === "QuerySpecificationContext" || c.constructor.name === "InlineTableContext")).flatMap(branches);
}

interface OutputColumn {
  /** Lower-case name; null: none (Trino would call it _colN); "*": a star, whose names the check cannot know. */
  readonly name: string | null;
  /** A bare NULL literal (type unknown). */
  readonly bareNull: boolean;
}

/** A branch's output columns (null: VALUES, whose columns are unnamed). */
function columns(text: string, branch: ParserRuleContext): OutputColumn[] | null {
  if (branch.constructor.name !== "QuerySpecificationContext") return null;
  const list = find(branch, "SelectListContext");
  return (list?.children ?? [])
    .filter((c): c is ParserRuleContext => isRule(c) && c.constructor.name === "SelectItemContext")
    .map((item) => {
      const [first, ...rest] = (item.children ?? []).filter(isRule);
      const kind = first?.constructor.name ?? "";
      if (kind === "SelectAllWithoutTableContext" || kind === "TableAllColumnsContext") return { name: "*", bareNull: false };
      const alias = rest.find((c) => c.constructor.name.endsWith("IdentifierContext"));
      const expression = first ? source(text, first) : "";
      const bareNull = norm(expression) === "null";
      const unquote = (s: string) => s.replace(/^"(.*)"$/, "$1").toLowerCase();
      if (alias) return { name: unquote(source(text, alias)), bareNull };
      if (/^(?:[A-Za-z_]\w*|"[^"]+")(?:\.(?:[A-Za-z_]\w*|"[^"]+"))*$/.test(expression.trim())) return { name: unquote(expression.trim().split(".").at(-1) as string), bareNull };
      return { name: null, bareNull };
    });
}

/**
 * What Trino's analyzer checks of a CTAS's, a view's or an INSERT's query before it runs, seen in
 * the text: every column named, no name twice (CTAS, view: "Column name not specified at position
 * n", "Column name '…' specified more than once"), no column of unknown type (a bare NULL in every
 * branch: a CTAS cannot store it), as many columns as an INSERT's column list names.
 */
function checkOutput(text: string, tree: ParseTree, inv: SqlInventory, errors: string[]): void {
  const form = inv.statement;
  if (form !== "CREATE TABLE AS" && form !== "CREATE VIEW" && form !== "INSERT INTO") return;
  const statement = find(tree, STATEMENTS[form].context as string);
  const query = statement && find(statement, "QueryNoWithContext");
  if (!statement || !query) return;
  const lists = branches(query).map((b) => columns(text, b));
  const first = lists[0];
  if (!first || first.some((c) => c.name === "*")) return;
  if (form === "INSERT INTO") {
    const names = find(statement, "ColumnListContext");
    const wanted = (names?.children ?? []).filter((c) => isRule(c) && c.constructor.name === "ColumnRefContext").length;
    for (const [i, list] of lists.entries()) {
      if (names && list && !list.some((c) => c.name === "*") && list.length !== wanted) errors.push(`INSERT INTO: branch ${i + 1} of the query has ${list.length} columns, the column list names ${wanted}`);
    }
    return;
  }
  const seen = new Set<string>();
  first.forEach((c, i) => {
    if (c.name === null) errors.push(`${form}: column ${i + 1} has no name (Trino: "Column name not specified at position ${i + 1}"): give it AS name`);
    else if (seen.has(c.name)) errors.push(`${form}: column ${c.name} twice (Trino: "Column name '${c.name}' specified more than once")`);
    else seen.add(c.name);
    if (form === "CREATE TABLE AS" && lists.every((l) => l?.[i]?.bareNull === true)) errors.push(`CREATE TABLE AS: column ${c.name ?? i + 1} is a bare NULL, of type unknown, which a table cannot store: CAST(NULL AS type)`);
  });
}

/** Parse `text` with Trino's grammar; the syntax errors, located. */
function parse(text: string): { tree: ParseTree; errors: string[] } {
  const errors: string[] = [];
  const tree = trino.parse(text, (e) => errors.push(`syntax (Trino grammar) at line ${e.startLine}:${e.startColumn + 1}: ${e.message}`));
  return { tree, errors };
}

/** The index of the token closing the bracket opened at `open`, or -1. */
function closing(toks: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < toks.length; i++) {
    const t = toks[i]?.text;
    if (t === "(" || t === "[") depth++;
    else if (t === ")" || t === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * Athena's UNLOAD (https://docs.aws.amazon.com/athena/latest/ug/unload.html):
 * `UNLOAD (SELECT …) TO 's3://…/' WITH ( property_name = 'expression' [, …] )`.
 * Records its errors; false when the text is not an UNLOAD (the caller parses it as Trino).
 */
function checkUnload(text: string, toks: readonly Token[], inv: SqlInventory, errors: string[]): boolean {
  const word = (i: number) => (toks[i]?.text ?? "").toUpperCase();
  if (word(0) !== "UNLOAD") return false;
  inv.statement = "UNLOAD";
  const fail = (why: string) => {
    errors.push(`UNLOAD: ${why} (Athena's form: UNLOAD (SELECT …) TO 's3://…/' WITH (property = 'value', …))`);
    return true;
  };
  if (word(1) !== "(") return fail("no ( after UNLOAD");
  const end = closing(toks, 1);
  if (end < 0) return fail("the query's ( is not closed");
  const query = text.slice((toks[2] as Token).start, (toks[end - 1] as Token).stop + 1);
  const inner = parse(query);
  errors.push(...inner.errors.map((e) => `in UNLOAD's query: ${e}`));
  const innerInv = inventory();
  walk(query, inner.tree, innerInv, errors);
  if (innerInv.statement !== "SELECT") errors.push(`UNLOAD's query must be a SELECT, not ${innerInv.statement}`);
  for (const k of ["functions", "types", "intervalFields", "operators", "keywords", "syntax"] as const) for (const v of innerInv[k]) inv[k].add(v);
  if (word(end + 1) !== "TO" || !/^'s3:\/\/[^']+\/'$/.test(toks[end + 2]?.text ?? "")) return fail("TO must be followed by an 's3://bucket/prefix/' string");
  if (word(end + 3) !== "WITH" || word(end + 4) !== "(") return fail("WITH ( … ) must follow the location");
  const close = closing(toks, end + 4);
  if (close !== toks.length - 1) return fail("text after WITH ( … ), or it is not closed");
  // property = value, … : split on the commas at depth 1.
  let depth = 0;
  let from = end + 5;
  const props: Token[][] = [];
  for (let i = end + 5; i < close; i++) {
    const t = toks[i]?.text;
    if (t === "(" || t === "[") depth++;
    else if (t === ")" || t === "]") depth--;
    else if (t === "," && depth === 0) {
      props.push(toks.slice(from, i));
      from = i + 1;
    }
  }
  props.push(toks.slice(from, close));
  for (const p of props) {
    const key = norm(p[0]?.text ?? "");
    inv.properties.add(key);
    const value = p.length > 2 ? text.slice((p[2] as Token).start, (p.at(-1) as Token).stop + 1) : "";
    if (p[1]?.text !== "=" || !PROPERTY_VALUE.test(value)) fail(`property ${key}: expected name = 'value' or name = ARRAY['…', …]`);
    if (!(key in TABLE_PROPERTIES.UNLOAD)) errors.push(`property ${key} of UNLOAD is not on the allow-list`);
  }
  return true;
}

/** Check one statement's text as Athena would run it. */
export function checkAthenaSql(text: string): SqlCheck {
  const inv = inventory();
  const errors: string[] = [];
  const toks = tokens(text);
  errors.push(...doubleColons(toks));
  if (!checkUnload(text, toks, inv, errors)) {
    const { tree, errors: syntax } = parse(text);
    errors.push(...syntax);
    walk(text, tree, inv, errors);
    checkOutput(text, tree, inv, errors);
  }
  if (inv.statement === "?") inv.statement = toks[0]?.text?.toUpperCase() ?? "(empty)";
  if (!(inv.statement in STATEMENTS)) errors.push(`statement form ${inv.statement} is not on the allow-list`);
  return { errors, inventory: inv };
}
