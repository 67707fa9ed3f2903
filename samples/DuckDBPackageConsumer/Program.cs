using DuckDB.NET.Data;
using UpStats.Time.DuckDB;

// A user's first program against the DuckDB package: register the functions, parse and map a few values in SQL.
using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
connection.RegisterUpStatsFunctions();
using var command = connection.CreateCommand();
command.CommandText = """
    SELECT s, upstats_epoch(s), upstats_parse_error(s), upstats_local_key(upstats_epoch(s), 'America/Los_Angeles', 'hour')
    FROM (VALUES ('2015-10-11T00:26:51+0100'), ('2015-02-29T00:26:51+0100'), ('2024-11-03T09:30:00Z')) v(s)
    ORDER BY s
    """;
var rows = new List<string>();
using (var reader = command.ExecuteReader())
{
    while (reader.Read())
    {
        string Field(int i) => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
        rows.Add($"{Field(0)} | {Field(1)} | {Field(2)} | {Field(3)}");
    }
}
rows.ForEach(Console.WriteLine);

string[] expected =
[
    "2015-02-29T00:26:51+0100 | NULL | position 8: Day must be between 01 and the last day of the month | NULL",
    "2015-10-11T00:26:51+0100 | 1444519611 | NULL | 2015-10-10T16",
    "2024-11-03T09:30:00Z | 1730626200 | NULL | 2024-11-03T01",
];
return rows.SequenceEqual(expected) ? 0 : 1;
