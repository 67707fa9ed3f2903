using System.Globalization;

// One timestamp per line in (2015-10-11T00:26:51+0100 and the other offset forms), epoch seconds out; a line that
// does not parse prints an empty line. Buffered like a careful hand-written tool, nothing more.
string[] formats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:sszz", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:sszzz"];
using var input = new StreamReader(Console.OpenStandardInput(), bufferSize: 1 << 16);
using var output = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 1 << 16) { NewLine = "\n" };
string? line;
while ((line = input.ReadLine()) is not null)
{
    // "+0100" is not a .NET offset form: insert the colon, as such programs do.
    string text = line.Length == 24 && (line[19] == '+' || line[19] == '-') ? line.Insert(22, ":") : line;
    output.WriteLine(DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
        ? value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
        : "");
}
