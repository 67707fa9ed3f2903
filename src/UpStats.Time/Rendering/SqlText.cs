using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text;

namespace UpStats.Time.Rendering;

/// <summary>Quoting of identifiers, string literals and comments for the SQL dialects rendered.</summary>
internal static class SqlText
{
    /// <summary>
    /// Words reserved in at least one of the dialects rendered (Hive 3, Spark SQL's ANSI mode, Trino, DuckDB, and the
    /// ANTLR grammars of dt-sql-parser the tests check against). One list for all: quoting a word that another dialect
    /// reserves costs nothing, and a name such as <c>order</c> or <c>date</c> then works wherever the SQL is pasted.
    /// Compared case-insensitively.
    /// </summary>
    // Stryker disable once String : data, checked against the engines by GrammarTest.ReservedWords_AreTheKeywordsTheEnginesReserve, which the mutation run leaves out (a Node.js process per call); each word would otherwise run the whole suite as a static-initializer mutant.
    internal static readonly FrozenSet<string> ReservedWords = new[]
    {
        "ALL", "ALTER", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "AUTHORIZATION", "BETWEEN",
        "BIGINT", "BINARY", "BOOLEAN", "BOTH", "BY", "CACHE", "CALL", "CASE", "CAST", "CHAR", "CHECK", "COLLATE", "COLUMN",
        "COMMIT", "CONF", "CONSTRAINT", "CREATE", "CROSS", "CUBE", "CURRENT", "CURRENT_CATALOG", "CURRENT_DATE",
        "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR",
        "DATABASE", "DATE", "DAYOFWEEK", "DEALLOCATE", "DECIMAL", "DEFAULT", "DEFERRABLE", "DELETE", "DESC", "DESCRIBE",
        "DISTINCT", "DO", "DOUBLE", "DROP", "ELSE", "END", "ESCAPE", "EXCEPT", "EXCHANGE", "EXECUTE", "EXISTS", "EXTENDED",
        "EXTERNAL", "EXTRACT", "FALSE", "FETCH", "FILTER", "FLOAT", "FLOOR", "FOLLOWING", "FOR", "FOREIGN", "FROM", "FULL",
        "FUNCTION", "GRANT", "GROUP", "GROUPING", "HAVING", "IF", "IMPORT", "IN", "INITIALLY", "INNER", "INSERT", "INT",
        "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN", "JSON_ARRAY", "JSON_EXISTS", "JSON_OBJECT", "JSON_QUERY",
        "JSON_TABLE", "JSON_VALUE", "LAMBDA", "LATERAL", "LEADING", "LEFT", "LESS", "LIKE", "LIMIT", "LISTAGG", "LOCAL", "LOCALTIME",
        "LOCALTIMESTAMP", "MACRO", "MAP", "MORE", "NATURAL", "NONE", "NORMALIZE", "NOT", "NULL", "NUMERIC", "OF", "OFFSET",
        "ON", "ONLY", "OR", "ORDER", "OUT", "OUTER", "OVER", "OVERLAPS", "PARTIALSCAN", "PARTITION", "PERCENT", "PIVOT",
        "PIVOT_LONGER", "PIVOT_WIDER", "PLACING", "PRECEDING", "PRECISION", "PREPARE", "PRESERVE", "PRIMARY", "PROCEDURE",
        "QUALIFY", "RANGE", "READS", "RECURSIVE", "REDUCE", "REFERENCES", "REGEXP", "RETURNING", "REVOKE", "RIGHT", "RLIKE",
        "ROLLBACK", "ROLLUP", "ROW", "ROWS", "SELECT", "SESSION_USER", "SET", "SHOW", "SKIP", "SMALLINT", "SOME", "START",
        "SUMMARIZE", "SYMMETRIC", "SYNC", "TABLE", "TABLESAMPLE", "THEN", "TIME", "TIMESTAMP", "TO", "TRAILING", "TRANSFORM",
        "TRIGGER", "TRIM", "TRUE", "TRUNCATE", "UESCAPE", "UNBOUNDED", "UNION", "UNIQUE", "UNIQUEJOIN", "UNKNOWN", "UNNEST",
        "UNPIVOT", "UPDATE", "USER", "USING", "UTC_TMESTAMP", "VALUES", "VARCHAR", "VARIADIC", "VIEWS", "WHEN", "WHERE",
        "WINDOW", "WITH",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A Hive/Spark/Athena-DDL identifier: bare when it is a plain name (<c>[A-Za-z_][A-Za-z0-9_]*</c>) that no dialect
    /// reserves and the user did not quote, otherwise in backticks with a backtick doubled (Hive's and Spark's rule).
    /// </summary>
    internal static string HiveIdentifier(string name, bool quoted = false) =>
        !quoted && IsPlain(name) && !ReservedWords.Contains(name) ? name : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>
    /// A Hive/Spark/Athena string literal in single quotes. Hive and Spark read backslash escapes inside
    /// literals (and would glue <c>'a''b'</c> into <c>ab</c>), so a quote is written <c>\'</c> and a backslash <c>\\</c>.
    /// </summary>
    internal static string HiveLiteral(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (char c in value)
        {
            _ = c switch
            {
                '\'' => text.Append("\\'"),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\0' => text.Append("\\0"),
                _ => text.Append(c),
            };
        }
        return text.Append('\'').ToString();
    }

    /// <summary>
    /// A Trino (and Athena DML, DuckDB) identifier: bare when plain, not reserved and not quoted by the user, otherwise
    /// in double quotes with a double quote doubled (ANSI SQL).
    /// </summary>
    internal static string TrinoIdentifier(string name, bool quoted = false) =>
        !quoted && IsPlain(name) && !ReservedWords.Contains(name) ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A Trino string literal: single quotes, a quote doubled (ANSI SQL; Trino has no backslash escapes).</summary>
    internal static string TrinoLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A one-line <c>--</c> comment: line breaks in user text become spaces so they cannot end the comment.</summary>
    internal static string Comment(string text) => "-- " + text.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>Splits <c>db.table</c> (or <c>catalog.schema.table</c>) on dots outside backticks and double quotes.</summary>
    /// <param name="name">The qualified name.</param>
    /// <param name="paramName">The caller's parameter the name came from (filled in by the compiler): the exceptions
    /// name it, so that a public method's caller sees its own parameter (<c>table</c>), not this helper's.</param>
    internal static IReadOnlyList<string> SplitQualifiedName(string name, [CallerArgumentExpression(nameof(name))] string? paramName = null) =>
        SplitQualifiedNameParts(name, paramName).Select(p => p.Name).ToArray();

    /// <summary>
    /// <see cref="SplitQualifiedName"/> with, for each part, whether the user quoted it: a quoted part stays quoted
    /// when rendered (<c>sales.`order`</c> must not become <c>sales.order</c>, which Hive rejects).
    /// </summary>
    internal static IReadOnlyList<NamePart> SplitQualifiedNameParts(string name, [CallerArgumentExpression(nameof(name))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, paramName);
        var parts = new List<NamePart>();
        var part = new StringBuilder();
        bool quoted = false;
        char quote = '\0';
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    if (i + 1 < name.Length && name[i + 1] == quote)
                    {
                        part.Append(c);
                        i++;
                    }
                    else
                    {
                        quote = '\0';
                    }
                }
                else
                {
                    part.Append(c);
                }
            }
            else if (c is '`' or '"')
            {
                quote = c;
                quoted = true;
            }
            else if (c == '.')
            {
                parts.Add(new NamePart(part.ToString(), quoted));
                part.Clear();
                quoted = false;
            }
            else
            {
                part.Append(c);
            }
        }
        if (quote != '\0')
        {
            throw new ArgumentException($"The table name {name} has an unclosed {quote}.", paramName);
        }
        parts.Add(new NamePart(part.ToString(), quoted));
        if (parts.Any(p => p.Name.Length == 0))
        {
            throw new ArgumentException($"The table name {name} has an empty part.", paramName);
        }
        return parts;
    }

    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>One part of a qualified name, and whether the user wrote it in quotes.</summary>
internal readonly record struct NamePart(string Name, bool Quoted);
