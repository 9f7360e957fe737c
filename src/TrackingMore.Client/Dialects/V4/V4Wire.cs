namespace TrackingMore.Dialects.V4
{
    /// <summary>What of the v4 wire the client knows before the v4 dialect is wired in: its key header, which redaction masks.</summary>
    internal static class V4Wire
    {
        public const string KeyHeaderName = "Tracking-Api-Key";
    }
}
