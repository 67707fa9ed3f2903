namespace UpStats.Time.Rendering;

/// <summary>The SQL engines a range predicate is rendered for: they differ in identifier quoting.</summary>
public enum SqlDialect
{
    /// <summary>Apache Hive: identifiers in backticks.</summary>
    Hive = 0,

    /// <summary>Spark SQL (also Databricks): identifiers in backticks.</summary>
    Spark = 1,

    /// <summary>Trino (and Presto): identifiers in double quotes.</summary>
    Trino = 2,

    /// <summary>Amazon Athena queries (Trino's engine): identifiers in double quotes.</summary>
    Athena = 3,

    /// <summary>DuckDB (reading <c>year=/month=/…</c> folders with <c>hive_partitioning</c>): identifiers in double quotes.</summary>
    DuckDB = 4,
}
