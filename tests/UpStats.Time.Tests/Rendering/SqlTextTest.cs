using UpStats.Time.Rendering;

namespace UpStats.Time.Tests.Rendering;

/// <summary>Quoting and escaping of names and literals for Hive and Trino, and splitting qualified table names.</summary>
public class SqlTextTest
{
    [Fact]
    public void HiveLiteral_SpecialCharacters_AreBackslashEscaped() =>
        Assert.Equal(@"'a\'b\\c\nd\re\tf\0g'", SqlText.HiveLiteral("a'b\\c\nd\re\tf\0g"));

    [Fact]
    public void HiveLiteral_PlainText_IsOnlyQuoted() =>
        Assert.Equal("'s3://bucket/year=2024'", SqlText.HiveLiteral("s3://bucket/year=2024"));

    [Theory]
    [InlineData("events_pt", "events_pt")]
    [InlineData("_x1", "_x1")]
    [InlineData("Events2", "Events2")]
    [InlineData("1abc", "`1abc`")]
    [InlineData("my-db", "`my-db`")]
    [InlineData("a b", "`a b`")]
    [InlineData("a`b", "`a``b`")]
    [InlineData("é", "`é`")]
    [InlineData("", "``")]
    public void HiveIdentifier_NotPlainNames_AreBacktickQuoted(string name, string expected) =>
        Assert.Equal(expected, SqlText.HiveIdentifier(name));

    [Theory]
    [InlineData("events_pt", "events_pt")]
    [InlineData("my-hive", "\"my-hive\"")]
    [InlineData("o\"brien", "\"o\"\"brien\"")]
    [InlineData("x9_", "x9_")]
    [InlineData("9x", "\"9x\"")]
    public void TrinoIdentifier_NotPlainNames_AreDoubleQuoted(string name, string expected) =>
        Assert.Equal(expected, SqlText.TrinoIdentifier(name));

    [Fact]
    public void TrinoLiteral_Quote_IsDoubled() => Assert.Equal("'it''s a\\b'", SqlText.TrinoLiteral("it's a\\b"));

    [Fact]
    public void Comment_LineBreaks_BecomeSpaces() => Assert.Equal("-- a  b c", SqlText.Comment("a\r\nb\nc"));

    [Theory]
    [InlineData("events", new[] { "events" })]
    [InlineData("db.events", new[] { "db", "events" })]
    [InlineData("cat.db.events", new[] { "cat", "db", "events" })]
    [InlineData("`my.db`.`a``b`", new[] { "my.db", "a`b" })]
    [InlineData("\"my.hive\".\"o\"\"b\"", new[] { "my.hive", "o\"b" })]
    [InlineData("`a\"b`.\"c`d\"", new[] { "a\"b", "c`d" })]
    [InlineData("x`y.z`w", new[] { "xy.zw" })]
    public void SplitQualifiedName_QuotedParts_KeepTheirDotsAndUnescapeQuotes(string name, string[] expected) =>
        Assert.Equal(expected, SqlText.SplitQualifiedName(name));

    [Theory]
    [InlineData("`db.events", "unclosed `")]
    [InlineData("db.\"events", "unclosed \"")]
    [InlineData("db..events", "empty part")]
    [InlineData("db.", "empty part")]
    [InlineData(".events", "empty part")]
    [InlineData("db.``", "empty part")]
    public void SplitQualifiedName_BadName_ThrowsNamingTheProblem(string name, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => SqlText.SplitQualifiedName(name));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void SplitQualifiedName_Blank_Throws(string name) =>
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => SqlText.SplitQualifiedName(name)).ParamName);
}
