using System.Runtime.CompilerServices;
using System.Text;

namespace UpStats.Time.Rendering;

/// <summary>Quoting of identifiers, string literals and comments for the two SQL dialects rendered.</summary>
internal static class SqlText
{
    /// <summary>
    /// A Hive/Spark/Athena identifier: bare when it is a plain name (<c>[A-Za-z_][A-Za-z0-9_]*</c>), otherwise in
    /// backticks with a backtick doubled (Hive's and Spark's rule; Athena DDL follows Hive).
    /// </summary>
    internal static string HiveIdentifier(string name) =>
        IsPlain(name) ? name : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

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

    /// <summary>A Trino identifier: bare when plain, otherwise in double quotes with a double quote doubled (ANSI SQL).</summary>
    internal static string TrinoIdentifier(string name) =>
        IsPlain(name) ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A Trino string literal: single quotes, a quote doubled (ANSI SQL; Trino has no backslash escapes).</summary>
    internal static string TrinoLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A one-line <c>--</c> comment: line breaks in user text become spaces so they cannot end the comment.</summary>
    internal static string Comment(string text) => "-- " + text.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>Splits <c>db.table</c> (or <c>catalog.schema.table</c>) on dots outside backticks and double quotes.</summary>
    /// <param name="name">The qualified name.</param>
    /// <param name="paramName">The caller's parameter the name came from (filled in by the compiler): the exceptions
    /// name it, so that a public method's caller sees its own parameter (<c>table</c>), not this helper's.</param>
    internal static IReadOnlyList<string> SplitQualifiedName(string name, [CallerArgumentExpression(nameof(name))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, paramName);
        var parts = new List<string>();
        var part = new StringBuilder();
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
            }
            else if (c == '.')
            {
                parts.Add(part.ToString());
                part.Clear();
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
        parts.Add(part.ToString());
        if (parts.Any(p => p.Length == 0))
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
