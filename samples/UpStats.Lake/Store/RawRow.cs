namespace UpStats.Lake.Store;

/// <summary>
/// One row of <c>odesk_debug_req</c>: a request the crawler made and, unless the response was already
/// stored, its payload. <paramref name="Data"/> is empty for a duplicate (its <paramref name="Sha"/> names the
/// earlier row that holds the payload).
/// </summary>
/// <param name="Id">The row id, increasing in the order requests were made.</param>
/// <param name="AddedTime">When the response was stored, UTC epoch seconds.</param>
/// <param name="Sha">SHA-1 (lower-case hex) of the response's canonical JSON.</param>
/// <param name="Data">zlib of the canonical JSON; empty for a duplicate.</param>
/// <param name="Query">The request's query string.</param>
internal sealed record RawRow(long Id, long AddedTime, string Sha, byte[] Data, string Query)
{
    /// <summary>True when this row repeats an earlier response and carries no payload of its own.</summary>
    public bool IsDuplicate => Data.Length == 0;
}
