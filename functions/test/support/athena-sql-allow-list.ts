/**
 * What the statements the cloud sends to Athena (engine v3) may use, each entry beside the page that
 * documents it in Athena (docs.aws.amazon.com/athena) or in Trino, on which engine v3's SQL is based
 * ("Functions in Athena engine version 3 are based on Trino":
 * https://docs.aws.amazon.com/athena/latest/ug/functions-env3.html). Checked by
 * ./athena-sql-check.ts; functions/test/athena-sql-grammar.test.ts asserts that every entry is used
 * by some statement, so the list is exactly what the code base needs. A new function, type or
 * construct in the SQL fails the test until it is added here with its page (docs/adr/0103).
 *
 * Trino's pages are cited at trino.io/docs/current, which the Athena page links; every entry below
 * is older than Athena engine v3 (none is a recent Trino addition such as GROUP BY AUTO or
 * CORRESPONDING, which the keyword list keeps out).
 */

export interface Entry {
  /** The documentation page (and anchor) that says Athena / Trino has it. */
  readonly doc: string;
  readonly what?: string;
}

const ATHENA = "https://docs.aws.amazon.com/athena/latest/ug";
const TRINO = "https://trino.io/docs/current";

const SELECT = `${ATHENA}/select.html`;
const TRINO_SELECT = `${TRINO}/sql/select.html`;
const CTAS = `${ATHENA}/create-table-as.html`;
const INSERT = `${ATHENA}/insert-into.html`;
const VIEW = `${ATHENA}/create-view.html`;
const DROP_TABLE = `${ATHENA}/drop-table.html`;
const DROP_VIEW = `${ATHENA}/drop-view.html`;
const UNLOAD = `${ATHENA}/unload.html`;
const VALUES = `${TRINO}/sql/values.html`;
const TYPES_PAGE = `${TRINO}/language/types.html`;
const IDENTIFIERS = `${TRINO}/language/reserved.html#language-identifiers`;
const WINDOW = `${TRINO}/functions/window.html`;
const CONDITIONAL = `${TRINO}/functions/conditional.html`;
const COMPARISON = `${TRINO}/functions/comparison.html`;
const LOGICAL = `${TRINO}/functions/logical.html#logical-operators`;
const MATH_OPS = `${TRINO}/functions/math.html#mathematical-operators`;

export type StatementForm = "SELECT" | "CREATE TABLE AS" | "INSERT INTO" | "CREATE VIEW" | "DROP TABLE" | "DROP VIEW" | "UNLOAD";

/** Statement forms, by the grammar context that starts them (UNLOAD: Athena's own, not in Trino's grammar). */
export const STATEMENTS: Readonly<Record<StatementForm, Entry & { readonly context: string | null }>> = {
  SELECT: { context: "StatementDefaultContext", doc: SELECT, what: "[WITH …] SELECT …" },
  "CREATE TABLE AS": { context: "CreateTableAsSelectContext", doc: CTAS, what: "CREATE TABLE t WITH (property = 'value', …) AS query" },
  "INSERT INTO": { context: "InsertIntoContext", doc: INSERT, what: "INSERT INTO t (col, …) query" },
  "CREATE VIEW": { context: "CreateViewContext", doc: VIEW, what: "CREATE [OR REPLACE] VIEW v AS query" },
  "DROP TABLE": { context: "DropTableContext", doc: DROP_TABLE, what: "DROP TABLE [IF EXISTS] t" },
  "DROP VIEW": { context: "DropViewContext", doc: DROP_VIEW, what: "DROP VIEW [IF EXISTS] v" },
  UNLOAD: { context: null, doc: UNLOAD, what: "UNLOAD (SELECT …) TO 's3://…/' WITH (property = 'value', …)" },
};

/** Table properties of the WITH ( … ) clauses. */
export const TABLE_PROPERTIES: Readonly<Record<"CREATE TABLE AS" | "UNLOAD", Readonly<Record<string, Entry>>>> = {
  "CREATE TABLE AS": {
    format: { doc: `${CTAS}#ctas-table-properties` },
    write_compression: { doc: `${CTAS}#ctas-table-properties` },
    external_location: { doc: `${CTAS}#ctas-table-properties` },
  },
  UNLOAD: {
    format: { doc: UNLOAD },
    compression: { doc: UNLOAD },
    partitioned_by: { doc: UNLOAD, what: "ARRAY[ col_name[,…] ]" },
  },
};

/** Functions, by their lower-case name. */
export const FUNCTIONS: Readonly<Record<string, Entry>> = {
  count: { doc: `${TRINO}/functions/aggregate.html#count` },
  count_if: { doc: `${TRINO}/functions/aggregate.html#count_if` },
  sum: { doc: `${TRINO}/functions/aggregate.html#sum` },
  min: { doc: `${TRINO}/functions/aggregate.html#min` },
  max: { doc: `${TRINO}/functions/aggregate.html#max` },
  row_number: { doc: `${WINDOW}#row_number` },
  coalesce: { doc: `${CONDITIONAL}#coalesce-function` },
  floor: { doc: `${TRINO}/functions/math.html#floor` },
  round: { doc: `${TRINO}/functions/math.html#round` },
  date_format: { doc: `${TRINO}/functions/datetime.html#date_format` },
  to_unixtime: { doc: `${TRINO}/functions/datetime.html#to_unixtime` },
  lpad: { doc: `${TRINO}/functions/string.html#lpad` },
  replace: { doc: `${TRINO}/functions/string.html#replace` },
  substr: { doc: `${TRINO}/functions/string.html#substr` },
  regexp_extract: { doc: `${TRINO}/functions/regexp.html#regexp_extract` },
};

/**
 * Functions with syntax of their own in Trino's grammar (not `name(args)`), by grammar context: not
 * an allow-list, a way to name them so that FUNCTIONS decides.
 */
export const SPECIAL_FUNCTION_SYNTAX: Readonly<Record<string, string>> = {
  CoalesceContext: "coalesce",
  ExtractContext: "extract",
  SubstringContext: "substring",
  TrimContext: "trim",
  PositionContext: "position",
  NormalizeContext: "normalize",
  ListAggContext: "listagg",
  CurrentDateContext: "current_date",
  CurrentTimeContext: "current_time",
  CurrentTimestampContext: "current_timestamp",
  LocalTimeContext: "localtime",
  LocalTimestampContext: "localtimestamp",
};

/** Types in CAST(… AS type) and typed literals (TIMESTAMP '…'), without parameters. */
export const TYPES: Readonly<Record<string, Entry>> = {
  bigint: { doc: `${ATHENA}/data-types.html` },
  integer: { doc: `${ATHENA}/data-types.html` },
  double: { doc: `${ATHENA}/data-types.html` },
  varchar: { doc: `${ATHENA}/data-types.html` },
  date: { doc: `${ATHENA}/data-types.html` },
  timestamp: { doc: `${ATHENA}/data-types.html` },
};

/** Fields of INTERVAL literals. */
export const INTERVAL_FIELDS: Readonly<Record<string, Entry>> = {
  hour: { doc: `${TYPES_PAGE}#interval-day-to-second`, what: "INTERVAL '7' HOUR" },
};

export const OPERATORS: Readonly<Record<string, Entry>> = {
  "=": { doc: `${COMPARISON}#comparison-operators` },
  "<>": { doc: `${COMPARISON}#comparison-operators` },
  "<": { doc: `${COMPARISON}#comparison-operators` },
  "<=": { doc: `${COMPARISON}#comparison-operators` },
  ">": { doc: `${COMPARISON}#comparison-operators` },
  ">=": { doc: `${COMPARISON}#comparison-operators` },
  "+": { doc: MATH_OPS, what: "also timestamp + interval: https://trino.io/docs/current/functions/datetime.html#date-and-time-operators" },
  "-": { doc: MATH_OPS },
  "*": { doc: MATH_OPS },
  "/": { doc: MATH_OPS },
  "||": { doc: `${TRINO}/functions/string.html#string-operators` },
};

/** Keywords (Trino's lexer tokens; names that happen to be keywords, as `month`, are not counted). */
export const KEYWORDS: Readonly<Record<string, Entry>> = Object.fromEntries([
  ...["WITH", "SELECT", "DISTINCT", "ALL", "AS", "FROM", "WHERE", "GROUP", "BY", "ORDER", "DESC", "UNION"].map((k) => [k, { doc: TRINO_SELECT }] as const),
  ...["JOIN", "LEFT", "CROSS", "ON"].map((k) => [k, { doc: `${TRINO_SELECT}#joins` }] as const),
  ...["EXISTS", "IN"].map((k) => [k, { doc: `${TRINO_SELECT}#subqueries` }] as const),
  ...["OVER", "PARTITION", "ROWS", "UNBOUNDED", "PRECEDING"].map((k) => [k, { doc: `${TRINO_SELECT}#window-clause`, what: "frames: https://trino.io/docs/current/functions/window.html" }] as const),
  ...["CASE", "WHEN", "THEN", "ELSE", "END"].map((k) => [k, { doc: `${CONDITIONAL}#case-expression` }] as const),
  ...["AND", "OR", "NOT"].map((k) => [k, { doc: LOGICAL }] as const),
  ["IS", { doc: `${COMPARISON}#is-null-operator` }],
  ["NULL", { doc: `${COMPARISON}#is-null-operator` }],
  ...["TRUE", "FALSE"].map((k) => [k, { doc: `${TYPES_PAGE}#boolean` }] as const),
  ["CAST", { doc: `${TRINO}/functions/conversion.html#cast` }],
  ["TIMESTAMP", { doc: `${TYPES_PAGE}#timestamp` }],
  ...["INTERVAL", "HOUR"].map((k) => [k, { doc: `${TYPES_PAGE}#interval-day-to-second` }] as const),
  ["VALUES", { doc: VALUES }],
  ...["CREATE", "TABLE"].map((k) => [k, { doc: CTAS }] as const),
  ...["INSERT", "INTO"].map((k) => [k, { doc: INSERT }] as const),
  ...["VIEW", "REPLACE"].map((k) => [k, { doc: VIEW, what: "CREATE OR REPLACE VIEW" }] as const),
  ...["DROP", "IF"].map((k) => [k, { doc: DROP_TABLE, what: "DROP TABLE|VIEW IF EXISTS" }] as const),
]);

/**
 * Grammar productions (dt-sql-parser's context classes for Trino's SqlBase.g4 rules), grouped by
 * the clause that documents them. Absent, and so refused: MATCH_RECOGNIZE, TABLESAMPLE, UNNEST,
 * LATERAL, lambdas, AT TIME ZONE, subscripts, GROUPING SETS / CUBE / ROLLUP, JSON functions, LIKE,
 * BETWEEN, IS DISTINCT FROM, quantified comparisons, FILTER, named windows, LIMIT / FETCH / OFFSET…
 */
export const SYNTAX: Readonly<Record<string, Entry>> = Object.fromEntries([
  // A statement, its query, the select list, FROM and WHERE.
  ...[
    "ProgramContext",
    "StatementsContext",
    "SingleStatementContext",
    "RootQueryContext",
    "QueryStatementContext",
    "QueryNoWithContext",
    "QueryTermDefaultContext",
    "QueryPrimaryDefaultContext",
    "QuerySpecificationContext",
    "SelectListContext",
    "SelectItemContext",
    "SelectExpressionColumnNameContext",
    "SelectLiteralColumnNameContext",
    "SelectAllWithoutTableContext",
    "TableAllColumnsContext",
    "RelationDefaultContext",
    // Wrappers every FROM item passes through; TABLESAMPLE and MATCH_RECOGNIZE (their optional
    // parts) add keywords and productions that are not on the lists.
    "SampledRelationContext",
    "PatternRecognitionContext",
    "AliasedRelationContext",
    "ColumnAliasesContext",
    "TableNameContext",
    "TableOrViewNameContext",
    "TableRefContext",
    "ExpressionSourceTableContext",
    "SubqueryRelationContext",
    "WhereClauseContext",
    "ExpressionContext",
    "PredicatedContext",
    "ValueExpressionDefaultContext",
    "ColumnReferenceContext",
    "ColumnNameContext",
    "ColumnRefContext",
    "FunctionNameContext",
    "QualifiedNameContext",
    "ParenthesizedExpressionContext",
  ].map((c) => [c, { doc: TRINO_SELECT }] as const),
  ...["WithContext", "NamedQueryContext"].map((c) => [c, { doc: `${TRINO_SELECT}#with-clause` }] as const),
  ...["JoinRelationContext", "JoinTypeContext", "JoinCriteriaContext", "JoinColumnEqualityContext", "JoinColumnReferenceContext"].map((c) => [c, { doc: `${TRINO_SELECT}#joins` }] as const),
  ...["GroupByContext", "SingleGroupingSetContext", "GroupingSetContext", "GroupingTermContext"].map((c) => [c, { doc: `${TRINO_SELECT}#group-by-clause` }] as const),
  ["SetOperationContext", { doc: `${TRINO_SELECT}#union-clause`, what: "UNION [ALL]" }],
  ["SetQuantifierContext", { doc: `${TRINO_SELECT}#select-clause`, what: "DISTINCT / ALL" }],
  ["SortItemContext", { doc: `${TRINO_SELECT}#order-by-clause` }],
  ...["OverContext", "WindowSpecificationContext", "PartitionByContext", "WindowFrameContext", "FrameExtentContext", "UnboundedFrameContext"].map(
    (c) => [c, { doc: `${TRINO_SELECT}#window-clause`, what: "OVER (PARTITION BY … ORDER BY … ROWS UNBOUNDED PRECEDING)" }] as const,
  ),
  ...["AndContext", "OrContext", "LogicalNotContext"].map((c) => [c, { doc: LOGICAL }] as const),
  ...["ComparisonContext", "ComparisonOperatorContext"].map((c) => [c, { doc: `${COMPARISON}#comparison-operators` }] as const),
  ["NullPredicateContext", { doc: `${COMPARISON}#is-null-operator` }],
  ...["InListContext", "InSubqueryContext"].map((c) => [c, { doc: `${COMPARISON}#in-operator` }] as const),
  ["ExistsContext", { doc: `${TRINO_SELECT}#exists` }],
  ["ArithmeticBinaryContext", { doc: MATH_OPS }],
  ["ConcatenationContext", { doc: `${TRINO}/functions/string.html#string-operators` }],
  ...["SearchedCaseContext", "WhenClauseContext"].map((c) => [c, { doc: `${CONDITIONAL}#case-expression` }] as const),
  ...["InlineTableContext", "RowConstructorContext"].map((c) => [c, { doc: VALUES, what: "(VALUES (…), …) AS t(a, …)" }] as const),
  // Literals, types, names.
  ...["StringLiteralContext", "BasicStringLiteralContext"].map((c) => [c, { doc: `${TYPES_PAGE}#varchar` }] as const),
  ...["NumericLiteralContext", "IntegerLiteralContext"].map((c) => [c, { doc: `${TYPES_PAGE}#integer` }] as const),
  ...["BooleanLiteralContext", "BooleanValueContext"].map((c) => [c, { doc: `${TYPES_PAGE}#boolean` }] as const),
  ["NullLiteralContext", { doc: `${COMPARISON}#is-null-operator` }],
  ...["IntervalLiteralContext", "IntervalContext"].map((c) => [c, { doc: `${TYPES_PAGE}#interval-day-to-second` }] as const),
  ...["GenericTypeContext", "DateTimeTypeContext"].map((c) => [c, { doc: `${TRINO}/functions/conversion.html#cast` }] as const),
  ...["UnquotedIdentifierContext", "QuotedIdentifierContext", "NonReservedContext"].map((c) => [c, { doc: IDENTIFIERS }] as const),
  // Statement parts.
  ...["TableNameCreateContext", "PropertiesContext", "PropertyAssignmentsContext", "NonDefaultPropertyValueContext"].map((c) => [c, { doc: CTAS }] as const),
  ["ColumnListContext", { doc: INSERT, what: "INSERT INTO t (col, …)" }],
  ...["ViewNameCreateContext", "ViewRefContext"].map((c) => [c, { doc: VIEW }] as const),
]);
